namespace Templating.Tests;

[TestClass]
public sealed class TemplateTests
{

    [TestMethod]
    public void KeepsUnknownPlaceholders() => Assert.AreEqual("Hi {who}", Template.Render("Hi {who}", new Dictionary<string, object?>()));

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
