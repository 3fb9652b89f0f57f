namespace Editing.Tests;

[TestClass]
public sealed class TextBufferTests
{
    [TestMethod]
    public void UndoRestoresPreviousText()
    {
        var buffer = new TextBuffer();
        buffer.Type("hello");
        buffer.Type(" world");
        buffer.Undo();
        Assert.AreEqual("hello", buffer.Text);
    }

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
}
