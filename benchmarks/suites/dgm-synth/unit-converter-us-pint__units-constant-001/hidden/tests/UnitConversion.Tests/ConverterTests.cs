namespace UnitConversion.Tests;

[TestClass]
public sealed class ConverterTests
{
    private const double Tolerance = 1e-9;

    [TestMethod]
    public void Convert_KilometresToMetres() => Assert.AreEqual(2500, Converter.Convert(2.5, "km", "m"), Tolerance);

    [TestMethod]
    public void Convert_FeetToInches() => Assert.AreEqual(36, Converter.Convert(3, "ft", "in"), Tolerance);

    [TestMethod]
    public void Convert_PoundsToOunces() => Assert.AreEqual(16, Converter.Convert(1, "lb", "oz"), Tolerance);

    [TestMethod]
    public void Convert_GallonsToLitres() => Assert.AreEqual(7.570823568, Converter.Convert(2, "gal", "L"), Tolerance);

    [TestMethod]
    public void Convert_AcrossDimensionsThrows() =>
        Assert.ThrowsExactly<InvalidOperationException>(() => Converter.Convert(1, "kg", "m"));

    [TestMethod]
    public void Convert_UnknownUnitThrows() =>
        Assert.ThrowsExactly<ArgumentException>(() => Converter.Convert(1, "furlong", "m"));

    [TestMethod]
    public void BestFit_PicksLargestUnitAtLeastOne()
    {
        var (value, unit) = Converter.BestFit(1500, "m", ["m", "km"]);
        Assert.AreEqual("km", unit);
        Assert.AreEqual(1.5, value, Tolerance);
    }

    [TestMethod]
    public void Convert_PintsToGallons() => Assert.AreEqual(1, Converter.Convert(8, "pt", "gal"), Tolerance);

    [TestMethod]
    public void Convert_PintsToQuarts() => Assert.AreEqual(1, Converter.Convert(2, "pt", "qt"), Tolerance);

    [TestMethod]
    public void Convert_PintToCups() => Assert.AreEqual(2, Converter.Convert(1, "pt", "cup"), Tolerance);

    [TestMethod]
    public void Convert_PintToMillilitres() => Assert.AreEqual(473.176473, Converter.Convert(1, "pt", "ml"), 1e-6);

    [TestMethod]
    public void BestFit_FluidOuncesToPints()
    {
        var (value, unit) = Converter.BestFit(24, "floz", ["cup", "pt", "qt"]);
        Assert.AreEqual("pt", unit);
        Assert.AreEqual(1.5, value, Tolerance);
    }

    [TestMethod]
    public void Convert_MilesToKilometres() => Assert.AreEqual(42.1648128, Converter.Convert(26.2, "mi", "km"), Tolerance);

    [TestMethod]
    public void Convert_OuncesToGrams() => Assert.AreEqual(283.49523125, Converter.Convert(10, "oz", "g"), Tolerance);

    [TestMethod]
    public void Convert_SymbolsAreCaseInsensitive() => Assert.AreEqual(1000, Converter.Convert(1, "L", "mL"), Tolerance);

    [TestMethod]
    public void BestFit_SmallValueUsesSmallestCandidate()
    {
        var (value, unit) = Converter.BestFit(0.25, "cup", ["qt", "gal"]);
        Assert.AreEqual("qt", unit);
        Assert.AreEqual(0.0625, value, Tolerance);
    }
}
