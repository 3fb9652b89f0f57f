using System.Globalization;

namespace Durations.Tests;

[TestClass]
public sealed class DurationFormatterTests
{
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
    public void FormatsMinutesAndSeconds() => Assert.AreEqual("2 min 3.25 s", DurationFormatter.Format(TimeSpan.FromSeconds(123.25)));

    [TestMethod]
    public void RejectsNegativeDurations() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DurationFormatter.Format(TimeSpan.FromSeconds(-1)));

    [TestMethod]
    public void StampIsIsoLike() => Assert.AreEqual("2024-05-01T13:45:00", InCulture("en-US", () => DurationFormatter.Stamp(new DateTime(2024, 5, 1, 13, 45, 0))));

    [TestMethod]
    public void SecondsUseADotInGermanCulture() => Assert.AreEqual("1.5 s", InCulture("de-DE", () => DurationFormatter.Format(TimeSpan.FromSeconds(1.5))));

    [TestMethod]
    public void StampUsesTheGregorianCalendarInArabicCulture() =>
        Assert.AreEqual("2024-05-01T13:45:00", InCulture("ar-SA", () => DurationFormatter.Stamp(new DateTime(2024, 5, 1, 13, 45, 0))));

    [TestMethod]
    public void SameOutputInEveryCulture()
    {
        var expected = DurationFormatter.Format(TimeSpan.FromSeconds(42.75));
        foreach (var culture in new[] { "de-DE", "fr-FR", "ar-SA", "hi-IN" })
        {
            Assert.AreEqual(expected, InCulture(culture, () => DurationFormatter.Format(TimeSpan.FromSeconds(42.75))), culture);
        }
    }

    [TestMethod]
    public void WholeSecondsHaveNoDecimals() => Assert.AreEqual("7 s", DurationFormatter.Format(TimeSpan.FromSeconds(7)));
}
