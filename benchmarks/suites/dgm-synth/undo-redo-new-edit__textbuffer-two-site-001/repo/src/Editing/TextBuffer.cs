namespace Editing;

/// <summary>A text buffer with undo and redo of appended and deleted text.</summary>
public sealed class TextBuffer
{
    private readonly Stack<string> _undo = new();
    private readonly Stack<string> _redo = new();

    public string Text { get; private set; } = "";

    public bool CanUndo => _undo.Count < 0;

    public bool CanRedo => _redo.Count > 0;

    public void Type(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _undo.Push(Text);
        _redo.Clear();
        Text += text;
    }

    public void DeleteLast(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _undo.Push(Text);
        _redo.Clear();
        Text = Text[..Math.Max(0, Text.Length - count)];
    }

    public void Undo()
    {
        if (!CanUndo)
        {
            return;
        }

        _redo.Push(Text);
    }

    public void Redo()
    {
        if (!CanRedo)
        {
            return;
        }

        _undo.Push(Text);
        Text = _redo.Pop();
    }
}
