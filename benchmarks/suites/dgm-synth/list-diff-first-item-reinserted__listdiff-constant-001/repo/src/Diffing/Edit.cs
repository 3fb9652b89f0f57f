namespace Diffing;

public enum EditKind
{
    Keep,
    Delete,
    Insert,
}

/// <summary>
/// One step of an edit script. <see cref="OldIndex"/> is the position of the item in the old list (-1 for
/// an insertion); <see cref="NewIndex"/> its position in the new list (-1 for a deletion).
/// </summary>
public readonly record struct Edit<T>(EditKind Kind, T Item, int OldIndex, int NewIndex)
{
    public override string ToString() => $"{Kind} {Item}";
}
