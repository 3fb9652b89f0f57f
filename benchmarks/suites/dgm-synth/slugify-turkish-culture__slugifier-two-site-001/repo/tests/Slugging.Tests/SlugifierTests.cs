using System.Globalization;

namespace Slugging.Tests;

[TestClass]
public sealed class SlugifierTests
{
    private static string InCulture(string culture, Func<string> action)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [TestMethod]
    public void Slugify_LowercasesAndJoinsWords() =>
        Assert.AreEqual("hello-world", new Slugifier().Slugify("Hello, World!"));

    [TestMethod]
    public void Slugify_RemovesDiacritics() =>
        Assert.AreEqual("creme-brulee-recipe", new Slugifier().Slugify("Crème Brûlée Recipe"));

    [TestMethod]
    public void Slugify_TrimsAndCollapsesSeparators() =>
        Assert.AreEqual("rock-roll", new Slugifier().Slugify("  --Rock  &  Roll--  "));

    [TestMethod]
    public void Slugify_SameResultInTurkishCulture() =>
        Assert.AreEqual("it-jobs-in-izmir", InCulture("tr-TR", () => new Slugifier().Slugify("IT Jobs in Izmir")));

    [TestMethod]
    public void Slugify_UppercaseTitleInTurkishCulture() =>
        Assert.AreEqual("index-of-links", InCulture("tr-TR", () => new Slugifier().Slugify("INDEX OF LINKS")));

    [TestMethod]
    public void Slugify_UppercaseTitleInAzerbaijaniCulture() =>
        Assert.AreEqual("istanbul-trip", InCulture("az-AZ", () => new Slugifier().Slugify("ISTANBUL Trip")));

    [TestMethod]
    public void Slugify_DottedCapitalIInTurkishCulture() =>
        Assert.AreEqual("izmir-guide", InCulture("tr-TR", () => new Slugifier().Slugify("İzmir Guide")));

    [TestMethod]
    public void Slugify_GermanCultureUmlauts() =>
        Assert.AreEqual("apfel-und-birnen", InCulture("de-DE", () => new Slugifier().Slugify("Äpfel UND Birnen")));

    [TestMethod]
    public void Slugify_KeepsApostropheWordsTogether() =>
        Assert.AreEqual("dont-panic", new Slugifier().Slugify("Don't Panic"));

    [TestMethod]
    public void Slugify_CustomSeparator() =>
        Assert.AreEqual("release_notes_2_0", new Slugifier(separator: '_').Slugify("Release Notes 2.0"));

    [TestMethod]
    public void Slugify_OnlyPunctuationGivesEmptySlug() =>
        Assert.AreEqual("", new Slugifier().Slugify("?!--!?"));

    [TestMethod]
    public void Constructor_RejectsLetterSeparator() =>
        Assert.ThrowsExactly<ArgumentException>(() => new Slugifier(separator: 'x'));
}
