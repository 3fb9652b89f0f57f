namespace Units.Tests;

[TestClass]
public sealed class TemperatureTests
{
    [TestMethod]
    public void CelsiusToKelvin() => Assert.AreEqual(273.15, Temperature.FromCelsius(0).Kelvin, 1e-9);

    [TestMethod]
    public void BelowAbsoluteZeroIsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Temperature.FromCelsius(-300));

    [TestMethod]
    public void BoilingPointInFahrenheit() => Assert.AreEqual(212, Temperature.FromCelsius(100).Fahrenheit, 1e-9);

    [TestMethod]
    public void FreezingPointFromFahrenheit() => Assert.AreEqual(0, Temperature.FromFahrenheit(32).Celsius, 1e-9);

    [TestMethod]
    public void MinusFortyIsTheSameInBothScales() => Assert.AreEqual(-40, Temperature.FromCelsius(-40).Fahrenheit, 1e-9);

    [TestMethod]
    public void BodyTemperatureRoundTrips() => Assert.AreEqual(98.6, Temperature.FromFahrenheit(98.6).Fahrenheit, 1e-9);

    [TestMethod]
    public void AbsoluteZeroInFahrenheit() => Assert.AreEqual(-459.67, Temperature.FromKelvin(0).Fahrenheit, 1e-9);
}
