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
    public void Parse_RepeatedNamesKeepOrder() =>
        Assert.AreEqual("a,b", string.Join(",", QueryString.Parse("tag=a&tag=b").GetAll("tag")));

    [TestMethod]
    public void ToString_NullValueIsWrittenAsFlag() =>
        Assert.AreEqual("?q=x&verbose", new QueryString().Add("q", "x").Add("verbose", null).ToString());

    [TestMethod]
    public void ToString_FlagOnly() => Assert.AreEqual("?debug", new QueryString().Add("debug", null).ToString());

    [TestMethod]
    public void Parse_FlagHasNullValue()
    {
        var query = QueryString.Parse("?verbose&page=2");
        Assert.IsTrue(query.Has("verbose"));
        Assert.IsNull(query.GetAll("verbose").Single());
        Assert.AreEqual("2", query.GetAll("page").Single());
    }

    [TestMethod]
    public void Parse_EmptyValueIsEmptyString() => Assert.AreEqual("", QueryString.Parse("?tag=").GetAll("tag").Single());

    [TestMethod]
    public void Parse_ThenToStringKeepsFlag() => Assert.AreEqual("?debug&x=1", QueryString.Parse("debug&x=1").ToString());

    [TestMethod]
    public void RoundTrip_PreservesFlagsAndEmptyValues()
    {
        var original = new QueryString().Add("a", null).Add("b", "").Add("c", "x y");
        var parsed = QueryString.Parse(original.ToString());
        CollectionAssert.AreEqual(original.Parameters.ToList(), parsed.Parameters.ToList());
    }

    [TestMethod]
    public void ToString_EncodesNonAsciiCharacters() =>
        Assert.AreEqual("?city=Z%C3%BCrich", new QueryString().Add("city", "Zürich").ToString());

    [TestMethod]
    public void Remove_DropsEveryValue()
    {
        var query = QueryString.Parse("tag=a&x=1&tag=b").Remove("tag");
        Assert.IsFalse(query.Has("tag"));
        Assert.AreEqual("?x=1", query.ToString());
    }

    [TestMethod]
    public void Add_RejectsEmptyName() =>
        Assert.ThrowsExactly<ArgumentException>(() => new QueryString().Add("", "x"));
}
