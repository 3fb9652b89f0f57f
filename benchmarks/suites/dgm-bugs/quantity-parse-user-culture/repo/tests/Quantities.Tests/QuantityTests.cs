using System.Globalization;

namespace Quantities.Tests;

[TestClass]
public sealed class QuantityTests
{
    private static readonly CultureInfo English = new("en-US");
    private static readonly CultureInfo German = new("de-DE");

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
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
    public void Parse_WholeNumber()
    {
        var q = WithCulture(English, () => Quantity.Parse("250 g", German));
        Assert.AreEqual(new Quantity(250m, "g"), q);
    }

    [TestMethod]
    public void Parse_EnglishDecimal()
    {
        var q = WithCulture(English, () => Quantity.Parse("1.5kg", English));
        Assert.AreEqual(1.5m, q.Value);
        Assert.AreEqual("kg", q.Unit);
    }

    [TestMethod]
    public void Parse_UnknownUnitOrGarbage_Throws()
    {
        Assert.ThrowsExactly<FormatException>(() => Quantity.Parse("5 parsecs", English));
        Assert.ThrowsExactly<FormatException>(() => Quantity.Parse("kg", English));
    }

    [TestMethod]
    public void ConvertTo_SameKind()
    {
        Assert.AreEqual(new Quantity(1500m, "g"), new Quantity(1.5m, "kg").ConvertTo("g"));
        Assert.ThrowsExactly<InvalidOperationException>(() => new Quantity(1m, "l").ConvertTo("g"));
    }

    [TestMethod]
    public void ToString_Invariant()
    {
        var text = WithCulture(English, () => new Quantity(2.25m, "l").ToString(null, CultureInfo.InvariantCulture));
        Assert.AreEqual("2.25 l", text);
    }

    [TestMethod]
    public void Parse_GermanDecimalComma()
    {
        var q = WithCulture(English, () => Quantity.Parse("1,5 kg", German));
        Assert.AreEqual(new Quantity(1.5m, "kg"), q);
    }
}
