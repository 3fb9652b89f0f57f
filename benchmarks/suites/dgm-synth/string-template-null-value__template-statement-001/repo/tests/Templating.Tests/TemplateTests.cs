namespace Templating.Tests;

[TestClass]
public sealed class TemplateTests
{
    [TestMethod]
    public void ReplacesPlaceholders() =>
        Assert.AreEqual("Hello Ann, you have 3 messages", Template.Render("Hello {name}, you have {count} messages", new Dictionary<string, object?> { ["name"] = "Ann", ["count"] = 3 }));

    [TestMethod]
    public void KeepsUnknownPlaceholders() => Assert.AreEqual("Hi {who}", Template.Render("Hi {who}", new Dictionary<string, object?>()));

    [TestMethod]
    public void DoubledBracesAreLiteral() => Assert.AreEqual("{x}", Template.Render("{{x}}", new Dictionary<string, object?> { ["x"] = 1 }));

    [TestMethod]
    public void NullValueRendersEmpty() =>
        Assert.AreEqual("Hello , welcome", Template.Render("Hello {name}, welcome", new Dictionary<string, object?> { ["name"] = null }));

    [TestMethod]
    public void NullAndPresentValuesMix() =>
        Assert.AreEqual("[]-[7]", Template.Render("[{a}]-[{b}]", new Dictionary<string, object?> { ["a"] = null, ["b"] = 7 }));

    [TestMethod]
    public void NumbersUseInvariantCulture() =>
        Assert.AreEqual("1.5", Template.Render("{v}", new Dictionary<string, object?> { ["v"] = 1.5 }));

    [TestMethod]
    public void UnclosedPlaceholderIsAFormatError() =>
        Assert.ThrowsExactly<FormatException>(() => Template.Render("oops {name", new Dictionary<string, object?>()));
}
