namespace Addresses.Tests;

[TestClass]
public sealed class AddressLabelTests
{
    private static readonly PostalAddress Full = new("Ann Lee", "1 Main St", "Apt 4", "Springfield", "IL", "62701", "USA");

    [TestMethod]
    public void FormatsAFullAddress() =>
        Assert.AreEqual("Ann Lee\n1 Main St\nApt 4\n62701 Springfield IL\nUSA", AddressLabel.Format(Full));

    [TestMethod]
    public void OneLineForAFullAddress() =>
        Assert.AreEqual("1 Main St, Apt 4, Springfield, IL, USA", AddressLabel.OneLine(Full));

    [TestMethod]
    public void FormatsWithoutSecondLine() =>
        Assert.AreEqual("Ann Lee\n1 Main St\n62701 Springfield IL\nUSA", AddressLabel.Format(Full with { Line2 = null }));

    [TestMethod]
    public void BlankSecondLineIsSkipped() =>
        Assert.AreEqual("Ann Lee\n1 Main St\n62701 Springfield IL\nUSA", AddressLabel.Format(Full with { Line2 = "  " }));

    [TestMethod]
    public void FormatsWithoutRegion() =>
        Assert.AreEqual("Jo\n9 Rue Haute\n69001 Lyon\nFRANCE", AddressLabel.Format(new PostalAddress("Jo", "9 Rue Haute", null, "Lyon", null, "69001", "France")));
}
