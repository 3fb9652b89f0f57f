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
}
