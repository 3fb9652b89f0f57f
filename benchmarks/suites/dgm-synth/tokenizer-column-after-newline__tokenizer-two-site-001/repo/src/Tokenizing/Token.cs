namespace Tokenizing;

public enum TokenKind
{
    Identifier,
    Number,
    String,
    Symbol,
}

/// <summary>A token and where it starts. Line and Column are 1-based.</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Line, int Column);

public sealed class TokenizerException(string message, int line, int column)
    : Exception($"{message} (line {line}, column {column})")
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
