namespace Addresses.Tests;

[TestClass]
public sealed class AddressLabelTests
{
    private static readonly PostalAddress Full = new("Ann Lee", "1 Main St", "Apt 4", "Springfield", "IL", "62701", "USA");

    [TestMethod]
    public void OneLineForAFullAddress() =>
        Assert.AreEqual("1 Main St, Apt 4, Springfield, IL, USA", AddressLabel.OneLine(Full));

    [TestMethod]
    public void OneLineSkipsMissingRegion() =>
        Assert.AreEqual("1 Main St, Apt 4, Springfield, USA", AddressLabel.OneLine(Full with { Region = null }));

    [TestMethod]
    public void OneLineSkipsMissingSecondLineAndRegion() =>
        Assert.AreEqual("9 Rue Haute, Lyon, France", AddressLabel.OneLine(new PostalAddress("Jo", "9 Rue Haute", null, "Lyon", null, "69001", "France")));

    [TestMethod]
    public void BlankSecondLineIsSkipped() =>
        Assert.AreEqual("Ann Lee\n1 Main St\n62701 Springfield IL\nUSA", AddressLabel.Format(Full with { Line2 = "  " }));
}
