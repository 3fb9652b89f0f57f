using System.Globalization;

namespace Measurements.Tests;

[TestClass]
public sealed class LengthTests
{
    [TestMethod]
    public void ParsesCentimetres() => Assert.AreEqual(1.2, Length.Parse("120cm").Metres, 1e-12);

    [TestMethod]
    public void PrintsMetres() => Assert.AreEqual("2.5m", new Length(2.5).ToString());

    [TestMethod]
    public void RejectsUnknownUnits() => Assert.ThrowsExactly<FormatException>(() => Length.Parse("3 parsecs"));

    private static T InCulture<T>(string name, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [TestMethod]
    public void ParsesDecimalsInGermanCulture() => Assert.AreEqual(2.5, InCulture("de-DE", () => Length.Parse("2.5m")).Metres, 1e-12);

    [TestMethod]
    public void ParsesKilometresInFrenchCulture() => Assert.AreEqual(1500, InCulture("fr-FR", () => Length.Parse("1.5km")).Metres, 1e-9);

    [TestMethod]
    public void RoundTripsInAnyCulture()
    {
        foreach (var culture in new[] { "de-DE", "en-US", "ru-RU" })
        {
            Assert.AreEqual(0.125, InCulture(culture, () => Length.Parse(new Length(0.125).ToString())).Metres, 1e-12, culture);
        }
    }

    [TestMethod]
    public void ParsesMillimetres() => Assert.AreEqual(0.004, Length.Parse("4mm").Metres, 1e-12);
}
