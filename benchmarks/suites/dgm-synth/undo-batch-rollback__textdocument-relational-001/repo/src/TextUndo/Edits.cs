using System.Text;

namespace TextUndo;

/// <summary>A reversible change to a text. <see cref="Revert"/> is only called after a successful <see cref="Apply"/>.</summary>
public interface IEdit
{
    void Apply(StringBuilder text);

    void Revert(StringBuilder text);
}

public sealed class InsertEdit : IEdit
{
    private readonly int _position;
    private readonly string _value;

    public InsertEdit(int position, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _position = position;
        _value = value;
    }

    public void Apply(StringBuilder text)
    {
        if (_position < 0 || _position > text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(text), _position, $"Cannot insert at {_position} in a text of length {text.Length}.");
        }

        text.Insert(_position, _value);
    }

    public void Revert(StringBuilder text) => text.Remove(_position, _value.Length);
}

public sealed class DeleteEdit : IEdit
{
    private readonly int _position;
    private readonly int _length;
    private string? _removed;

    public DeleteEdit(int position, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _position = position;
        _length = length;
    }

    public void Apply(StringBuilder text)
    {
        if (_position < 0 || _position + _length > text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(text), _position, $"Cannot delete {_length} characters at {_position} in a text of length {text.Length}.");
        }

        _removed = text.ToString(_position, _length);
        text.Remove(_position, _length);
    }

    public void Revert(StringBuilder text) =>
        text.Insert(_position, _removed ?? throw new InvalidOperationException("The edit was never applied."));
}
