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

    [TestMethod]
    public void RedoAfterNewEditDoesNothing()
    {
        var buffer = new TextBuffer();
        buffer.Type("a");
        buffer.Type("b");
        buffer.Undo();
        buffer.Type("c");
        buffer.Redo();
        Assert.AreEqual("ac", buffer.Text);
    }

    [TestMethod]
    public void UndoAllTheWayThenRedoAll()
    {
        var buffer = new TextBuffer();
        foreach (var s in new[] { "1", "2", "3" })
        {
            buffer.Type(s);
        }

        buffer.Undo();
        buffer.Undo();
        buffer.Undo();
        Assert.AreEqual("", buffer.Text);
        buffer.Redo();
        buffer.Redo();
        buffer.Redo();
        Assert.AreEqual("123", buffer.Text);
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
