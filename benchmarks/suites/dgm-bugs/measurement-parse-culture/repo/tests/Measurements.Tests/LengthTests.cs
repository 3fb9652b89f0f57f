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
}
