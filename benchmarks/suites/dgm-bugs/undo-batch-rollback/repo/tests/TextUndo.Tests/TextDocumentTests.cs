namespace TextUndo.Tests;

[TestClass]
public sealed class TextDocumentTests
{
    [TestMethod]
    public void Insert_AndUndo()
    {
        var doc = new TextDocument();
        doc.Insert(0, "world");
        doc.Insert(0, "Hello ");
        Assert.AreEqual("Hello world", doc.Text);
        doc.Undo();
        Assert.AreEqual("world", doc.Text);
    }

    [TestMethod]
    public void Delete_UndoRedo()
    {
        var doc = new TextDocument();
        doc.Insert(0, "abcdef");
        doc.Delete(1, 3);
        Assert.AreEqual("aef", doc.Text);
        doc.Undo();
        Assert.AreEqual("abcdef", doc.Text);
        doc.Redo();
        Assert.AreEqual("aef", doc.Text);
    }

    [TestMethod]
    public void Apply_BatchIsOneUndoStep()
    {
        var doc = new TextDocument();
        doc.Insert(0, "cat");
        doc.Apply(new DeleteEdit(0, 1), new InsertEdit(0, "b"));
        Assert.AreEqual("bat", doc.Text);
        doc.Undo();
        Assert.AreEqual("cat", doc.Text);
    }

    [TestMethod]
    public void Undo_NothingToUndo_Throws() =>
        Assert.ThrowsExactly<InvalidOperationException>(() => new TextDocument().Undo());

    [TestMethod]
    public void Insert_OutOfRange_Throws()
    {
        var doc = new TextDocument();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => doc.Insert(1, "x"));
        Assert.AreEqual(string.Empty, doc.Text);
        Assert.IsFalse(doc.CanUndo);
    }

    [TestMethod]
    public void Apply_FailingBatch_LeavesTextUnchanged()
    {
        var doc = new TextDocument();
        doc.Insert(0, "world");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => doc.Apply(new InsertEdit(0, "Hello "), new DeleteEdit(40, 3)));
        Assert.AreEqual("world", doc.Text);
    }
}
