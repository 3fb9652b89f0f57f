using System.Globalization;

namespace TextTemplates.Tests;

[TestClass]
public sealed class TemplateTests
{
    private static string Render(string template, params (string Key, object? Value)[] values) =>
        Template.Parse(template).Render(values.ToDictionary(v => v.Key, v => v.Value));

    [TestMethod]
    public void Render_MissingValueThrows() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => Render("Hi {name}"));

    [TestMethod]
    public void Parse_UnclosedPlaceholderThrows() =>
        Assert.ThrowsExactly<FormatException>(() => Template.Parse("Hello {name"));

    [TestMethod]
    public void Render_DoubledBracesInTheMiddle() =>
        Assert.AreEqual("Use {name} to insert a name.", Render("Use {{name}} to insert a name."));

    [TestMethod]
    public void Render_TemplateThatIsOnlyEscapedBraces() =>
        Assert.AreEqual("{name}", Render("{{name}}"));

    [TestMethod]
    public void Render_TrailingDoubledOpenBrace() =>
        Assert.AreEqual("Sets look like {", Render("Sets look like {{"));

    [TestMethod]
    public void Render_BareDoubledBraces() => Assert.AreEqual("{}", Render("{{}}"));

    [TestMethod]
    public void Parse_StrayClosingBraceThrows() =>
        Assert.ThrowsExactly<FormatException>(() => Template.Parse("a } b"));

    [TestMethod]
    public void Parse_StrayClosingBraceAtEndThrows() =>
        Assert.ThrowsExactly<FormatException>(() => Template.Parse("value}"));

    [TestMethod]
    public void Parse_LoneOpeningBraceAtEndThrows() =>
        Assert.ThrowsExactly<FormatException>(() => Template.Parse("value {"));

    [TestMethod]
    public void Placeholders_ListsDistinctNamesInOrder() =>
        CollectionAssert.AreEqual(new[] { "b", "a" }, Template.Parse("{b}{{x}}{a} {b:D3}").Placeholders.ToArray());
}
