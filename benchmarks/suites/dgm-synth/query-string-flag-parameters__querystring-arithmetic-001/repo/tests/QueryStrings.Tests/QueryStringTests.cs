namespace QueryStrings.Tests;

[TestClass]
public sealed class QueryStringTests
{
    [TestMethod]
    public void ToString_JoinsParametersInOrder() =>
        Assert.AreEqual("?q=cats&page=2&safe=true", new QueryString().Add("q", "cats").Add("page", 2).Add("safe", true).ToString());

    [TestMethod]
    public void ToString_PercentEncodes() =>
        Assert.AreEqual("?q=fish%20%26%20chips", new QueryString().Add("q", "fish & chips").ToString());

    [TestMethod]
    public void ToString_EmptyValueKeepsEqualsSign() =>
        Assert.AreEqual("?tag=", new QueryString().Add("tag", "").ToString());

    [TestMethod]
    public void ToString_NoParametersIsEmpty() => Assert.AreEqual("", new QueryString().ToString());

    [TestMethod]
    public void Parse_DecodesPlusAndPercent()
    {
        var query = QueryString.Parse("?q=fish+%26+chips&page=2");
        Assert.AreEqual("fish & chips", query.GetAll("q").Single());
        Assert.AreEqual("2", query.GetAll("page").Single());
    }

    [TestMethod]
    public void ToString_NullValueIsWrittenAsFlag() =>
        Assert.AreEqual("?q=x&verbose", new QueryString().Add("q", "x").Add("verbose", null).ToString());

    [TestMethod]
    public void ToString_FlagOnly() => Assert.AreEqual("?debug", new QueryString().Add("debug", null).ToString());

    [TestMethod]
    public void ToString_EncodesNonAsciiCharacters() =>
        Assert.AreEqual("?city=Z%C3%BCrich", new QueryString().Add("city", "Zürich").ToString());

    [TestMethod]
    public void Add_RejectsEmptyName() =>
        Assert.ThrowsExactly<ArgumentException>(() => new QueryString().Add("", "x"));
}
