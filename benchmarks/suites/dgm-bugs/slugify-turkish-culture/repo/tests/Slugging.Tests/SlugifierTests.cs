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
    public void Slugify_TruncatesAtWordBoundary() =>
        Assert.AreEqual("the-quick", new Slugifier(maxLength: 12).Slugify("The quick brown fox"));

    [TestMethod]
    public void Slugify_SameResultInTurkishCulture() =>
        Assert.AreEqual("it-jobs-in-izmir", InCulture("tr-TR", () => new Slugifier().Slugify("IT Jobs in Izmir")));
}
