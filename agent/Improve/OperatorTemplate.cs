using Microsoft.CodeAnalysis.CSharp;

namespace Dgm.Agent.Improve;

/// <summary>
/// A parameter of a grammar entry: a hole in its source text and the values that may fill it: C# code,
/// or (Quoted) text written into the source as string literals.
/// </summary>
public sealed record Parameter(string Hole, IReadOnlyList<string> Choices, bool Subset = false, bool Quoted = false)
{
    /// <summary>One choice; or, for a subset, each choice kept with probability 0.7 and at least two kept (in order).</summary>
    public string Sample(Random random)
    {
        if (!Subset)
        {
            return Code(Choices[random.Next(Choices.Count)]);
        }

        var kept = Choices.Where(_ => random.NextDouble() < 0.7).ToList();
        kept.AddRange(Choices.Except(kept).Take(Math.Max(0, 2 - kept.Count)));
        return string.Join(", ", Choices.Where(kept.Contains).Select(Code));
    }

    private string Code(string choice) => Quoted ? SymbolDisplay.FormatLiteral(choice, quote: true) : choice;
}

/// <summary>
/// An entry of the repair-operator grammar: a Roslyn syntax rewrite written as the C# source of a
/// learned operator class, with holes ({{Namespace}}, {{Class}} and one per parameter) filled when it is drawn.
/// </summary>
public sealed record OperatorTemplate(string Name, string Cause, IReadOnlyList<string> Evidence, IReadOnlyList<Parameter> Parameters, string Source)
{
    /// <summary>The operator's class: its name in PascalCase ("null-conditional" is NullConditional).</summary>
    public string ClassName => string.Concat(Name.Split('-').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>The operator's source with every hole filled, and the parameter values drawn.</summary>
    public (string Source, string Values) Render(string ns, Random random)
    {
        var text = Source.Replace("{{Namespace}}", ns, StringComparison.Ordinal).Replace("{{Class}}", ClassName, StringComparison.Ordinal);
        var values = new List<string>();
        foreach (var parameter in Parameters)
        {
            var value = parameter.Sample(random);
            text = text.Replace("{{" + parameter.Hole + "}}", value, StringComparison.Ordinal);
            values.Add($"{parameter.Hole} = {value}");
        }

        return text.Contains("{{", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"the grammar entry '{Name}' has a hole no parameter fills")
            : (text, string.Join("; ", values));
    }
}
