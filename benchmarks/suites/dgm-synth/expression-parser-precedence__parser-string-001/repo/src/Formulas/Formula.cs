namespace Formulas;

/// <summary>
/// Evaluates arithmetic formulas made of numbers, named variables, parentheses, unary minus and the
/// binary operators + - * / ^.
/// </summary>
/// <remarks>
/// Precedence, from loosest to tightest: + and -, then * and /, then ^. The operators + - * / are
/// left-associative, ^ is right-associative. Unary minus binds looser than ^, so -2^2 is -4.
/// Syntax errors throw <see cref="FormatException"/>; unknown variables throw
/// <see cref="KeyNotFoundException"/>.
/// </remarks>
public static class Formula
{
    public static double Evaluate(string text, IReadOnlyDictionary<string, double>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(Lexer.Split(text), variables ?? new Dictionary<string, double>());
        return parser.ParseFormula();
    }
}
