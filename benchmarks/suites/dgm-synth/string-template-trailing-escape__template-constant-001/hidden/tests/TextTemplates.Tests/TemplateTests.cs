using System.Globalization;

namespace TextTemplates.Tests;

[TestClass]
public sealed class TemplateTests
{
    private static string Render(string template, params (string Key, object? Value)[] values) =>
        Template.Parse(template).Render(values.ToDictionary(v => v.Key, v => v.Value));

    [TestMethod]
    public void Render_ReplacesPlaceholders() =>
        Assert.AreEqual("Hello Ada, welcome!", Render("Hello {name}, welcome!", ("name", "Ada")));

    [TestMethod]
    public void Render_AppliesFormatWithInvariantCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.AreEqual("Total: 1234.50", Render("Total: {total:F2}", ("total", 1234.5m)));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

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
    public void Render_JsonTemplate() =>
        Assert.AreEqual("{\"id\": 42}", Render("{{\"id\": {id}}}", ("id", 42)));

    [TestMethod]
    public void Render_TemplateThatIsOnlyEscapedBraces() =>
        Assert.AreEqual("{name}", Render("{{name}}"));

    [TestMethod]
    public void Render_TrailingDoubledOpenBrace() =>
        Assert.AreEqual("Sets look like {", Render("Sets look like {{"));

    [TestMethod]
    public void Render_BareDoubledBraces() => Assert.AreEqual("{}", Render("{{}}"));

    [TestMethod]
    public void Render_NestedJsonObject() =>
        Assert.AreEqual("{\"user\": {\"name\": \"Ada\"}}", Render("{{\"user\": {{\"name\": \"{name}\"}}}}", ("name", "Ada")));

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
    public void Render_NullValueIsEmpty() => Assert.AreEqual("[]", Render("[{x}]", ("x", null)));

    [TestMethod]
    public void Placeholders_ListsDistinctNamesInOrder() =>
        CollectionAssert.AreEqual(new[] { "b", "a" }, Template.Parse("{b}{{x}}{a} {b:D3}").Placeholders.ToArray());

    [TestMethod]
    public void Render_PlaceholderAtStartAndEnd() =>
        Assert.AreEqual("1-2", Render("{x}-{y}", ("x", 1), ("y", 2)));
}
