namespace Editing.Tests;

[TestClass]
public sealed class TextBufferTests
{

    [TestMethod]
    public void RedoReappliesUndoneEdit()
    {
        var buffer = new TextBuffer();
        buffer.Type("x");
        buffer.Undo();
        buffer.Redo();
        Assert.AreEqual("x", buffer.Text);
    }

    [TestMethod]
    public void NewEditClearsRedo()
    {
        var buffer = new TextBuffer();
        buffer.Type("a");
        buffer.Type("b");
        buffer.Undo();
        buffer.Type("c");
        Assert.IsFalse(buffer.CanRedo);
    }

    [TestMethod]
    public void DeleteClearsRedo()
    {
        var buffer = new TextBuffer();
        buffer.Type("abc");
        buffer.Type("d");
        buffer.Undo();
        buffer.DeleteLast(1);
        Assert.IsFalse(buffer.CanRedo);
        Assert.AreEqual("ab", buffer.Text);
    }

    [TestMethod]
    public void UndoOnEmptyIsHarmless()
    {
        var buffer = new TextBuffer();
        buffer.Undo();
        Assert.AreEqual("", buffer.Text);
    }
}
