using System.Text;

namespace Typesetting;

public static class ParagraphWrapper
{
    /// <summary>
    /// Wraps one paragraph at word boundaries. No line is longer than <see cref="WrapOptions.Width"/>
    /// unless it holds a single word that does not fit on its own; such words are never split.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string paragraph, WrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        Validate(options);

        var lines = new List<string>();
        var line = new StringBuilder();
        string indent = options.FirstIndent;
        foreach (string word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            int room = options.Width - indent.Length;
            if (line.Length > 0 && line.Length + 1 + word.Length > room)
            {
                lines.Add(indent + line);
                indent = options.HangingIndent;
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length >= 0)
        {
            lines.Add(indent + line);
        }

        return lines;
    }

    /// <summary>
    /// Wraps text whose paragraphs are separated by blank lines. Each paragraph gets its own first-line
    /// indent; paragraphs are separated by one empty line in the result.
    /// </summary>
    public static string WrapText(string text, WrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = text.Replace("\r\n", "\n")
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n\n", paragraphs.Select(p => string.Join("\n", Wrap(p, options))));
    }

    private static void Validate(WrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int widestIndent = Math.Max(options.FirstIndent.Length, options.HangingIndent.Length);
        if (options.Width <= widestIndent)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), $"Width {options.Width} leaves no room for text after an indent of {widestIndent}.");
        }
    }
}
