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

    [TestMethod]
    public void Parse_GermanThousandsSeparator()
    {
        var q = WithCulture(English, () => Quantity.Parse("1.250 g", German));
        Assert.AreEqual(new Quantity(1250m, "g"), q);
    }

    [TestMethod]
    public void Parse_NoProvider_UsesCurrentCulture()
    {
        var q = WithCulture(German, () => Quantity.Parse("2,5 l"));
        Assert.AreEqual(new Quantity(2.5m, "l"), q);
    }

    [TestMethod]
    public void Parse_InvariantProvider_WhileCurrentCultureIsGerman()
    {
        var q = WithCulture(German, () => Quantity.Parse("0.75 l", CultureInfo.InvariantCulture));
        Assert.AreEqual(new Quantity(0.75m, "l"), q);
    }

    [TestMethod]
    public void ToString_GermanProvider_WhileCurrentCultureIsEnglish()
    {
        var text = WithCulture(English, () => new Quantity(1.5m, "kg").ToString(null, German));
        Assert.AreEqual("1,5 kg", text);
    }

    [TestMethod]
    public void ToString_WithFormatAndFrenchProvider()
    {
        var text = WithCulture(English, () => new Quantity(1.5m, "dl").ToString("0.00", new CultureInfo("fr-FR")));
        Assert.AreEqual("1,50 dl", text);
    }

    [TestMethod]
    public void ToString_NoArguments_UsesCurrentCulture()
    {
        var text = WithCulture(German, () => new Quantity(0.5m, "l").ToString());
        Assert.AreEqual("0,5 l", text);
    }

    [TestMethod]
    public void InterpolatedString_UsesGivenCulture()
    {
        var quantity = new Quantity(12.5m, "g");
        var text = WithCulture(English, () => string.Format(German, "{0}", quantity));
        Assert.AreEqual("12,5 g", text);
    }

    [TestMethod]
    public void RoundTrip_GermanText()
    {
        var original = new Quantity(1234.5m, "ml");
        var text = WithCulture(English, () => original.ToString(null, German));
        var parsed = WithCulture(English, () => Quantity.Parse(text, German));
        Assert.AreEqual(original, parsed);
    }

    [TestMethod]
    public void Add_ConvertsUnits()
    {
        var total = new Quantity(1m, "kg").Add(new Quantity(250m, "g"));
        Assert.AreEqual(new Quantity(1.25m, "kg"), total);
    }
}
