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

    [TestMethod]
    public void Apply_FailingBatch_UndoRemovesPreviousStep()
    {
        var doc = new TextDocument();
        doc.Insert(0, "world");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => doc.Apply(new InsertEdit(0, "Hello "), new DeleteEdit(40, 3)));
        doc.Undo();
        Assert.AreEqual(string.Empty, doc.Text);
        Assert.IsFalse(doc.CanUndo);
    }

    [TestMethod]
    public void Apply_FailingBatch_RevertsSeveralEditsInReverseOrder()
    {
        var doc = new TextDocument();
        doc.Insert(0, "abc");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() =>
            doc.Apply(new DeleteEdit(0, 1), new InsertEdit(2, "XY"), new DeleteEdit(0, 2), new InsertEdit(99, "!")));
        Assert.AreEqual("abc", doc.Text);
    }

    [TestMethod]
    public void Apply_FailingBatch_KeepsRedoHistory()
    {
        var doc = new TextDocument();
        doc.Insert(0, "one");
        doc.Insert(3, " two");
        doc.Undo();
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => doc.Apply(new InsertEdit(3, "!"), new DeleteEdit(-1, 1)));
        Assert.AreEqual("one", doc.Text);
        Assert.IsTrue(doc.CanRedo);
        doc.Redo();
        Assert.AreEqual("one two", doc.Text);
    }

    [TestMethod]
    public void Apply_EditThatThrowsOtherException_IsRolledBackToo()
    {
        var doc = new TextDocument();
        doc.Insert(0, "keep");
        Assert.ThrowsExactly<NotSupportedException>(() => doc.Apply(new InsertEdit(4, "!"), new ReadOnlyEdit()));
        Assert.AreEqual("keep", doc.Text);
    }

    [TestMethod]
    public void NewEdit_ClearsRedo()
    {
        var doc = new TextDocument();
        doc.Insert(0, "a");
        doc.Undo();
        doc.Insert(0, "b");
        Assert.IsFalse(doc.CanRedo);
        Assert.ThrowsExactly<InvalidOperationException>(() => doc.Redo());
    }

    [TestMethod]
    public void Delete_NegativeLength_Throws() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new TextDocument().Delete(0, -1));

    [TestMethod]
    public void Apply_EmptyBatch_IsNoStep()
    {
        var doc = new TextDocument();
        doc.Apply();
        Assert.IsFalse(doc.CanUndo);
    }

    private sealed class ReadOnlyEdit : TextUndo.IEdit
    {
        public void Apply(System.Text.StringBuilder text) => throw new NotSupportedException("Read-only region.");

        public void Revert(System.Text.StringBuilder text)
        {
        }
    }
}
