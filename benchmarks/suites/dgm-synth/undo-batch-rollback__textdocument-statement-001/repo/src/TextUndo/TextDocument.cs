using System.Text;

namespace TextUndo;

/// <summary>A text with undo and redo. Every call to <see cref="Apply"/> is one undo step.</summary>
public sealed class TextDocument
{
    private readonly StringBuilder _text = new();
    private readonly Stack<IReadOnlyList<IEdit>> _undo = new();
    private readonly Stack<IReadOnlyList<IEdit>> _redo = new();

    public string Text => _text.ToString();

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    public void Insert(int position, string value) => Apply(new InsertEdit(position, value));

    public void Delete(int position, int length) => Apply(new DeleteEdit(position, length));

    /// <summary>
    /// Applies the edits in order as a single undo step. All or nothing: when an edit throws, the edits
    /// already applied are reverted, the text and the history stay as they were, and the exception propagates.
    /// </summary>
    public void Apply(params IEdit[] edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        if (edits.Length == 0)
        {
            return;
        }

        var applied = new List<IEdit>(edits.Length);
        try
        {
            foreach (var edit in edits)
            {
                edit.Apply(_text);
                applied.Add(edit);
            }
        }
        catch (Exception)
        {
            for (var i = applied.Count - 1; i >= 0; i--)
            {
                applied[i].Revert(_text);
            }

            throw;
        }

        _undo.Push(applied);
        _redo.Clear();
    }

    public void Undo()
    {
        if (!_undo.TryPop(out var step))
        {
            throw new InvalidOperationException("Nothing to undo.");
        }

        for (var i = step.Count - 1; i >= 0; i--)
        {
            step[i].Revert(_text);
        }
    }

    public void Redo()
    {
        if (!_redo.TryPop(out var step))
        {
            throw new InvalidOperationException("Nothing to redo.");
        }

        foreach (var edit in step)
        {
            edit.Apply(_text);
        }

        _undo.Push(step);
    }
}
