using System.ComponentModel;
using System.Text;
using Microsoft.SemanticKernel;

namespace Dgm.Agent.Tools;

/// <summary>
/// File viewing and editing inside the repository. Mistakes (unknown path, a path outside the
/// repository, no or several matches) come back as messages, so the model can correct itself.
/// </summary>
public sealed class EditorTool(string root)
{
    private readonly string _root = Path.GetFullPath(root);
    private readonly Dictionary<string, Stack<string?>> _history = [];

    [KernelFunction("view")]
    [Description("View a file with line numbers (optionally lines start..end), or a folder two levels deep.")]
    public string View(string path, int? start = null, int? end = null)
    {
        if (Resolve(path) is not { } full)
        {
            return Outside(path);
        }

        if (Directory.Exists(full))
        {
            var entries = Directory.EnumerateFileSystemEntries(full, "*", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 1 })
                .Select(e => Path.GetRelativePath(_root, e))
                .Where(e => !e.Split('/').Any(s => s is ".git" or "bin" or "obj"))
                .Order(StringComparer.Ordinal);
            return string.Join('\n', entries);
        }

        if (!File.Exists(full))
        {
            return $"error: {path} does not exist.";
        }

        var lines = File.ReadAllLines(full);
        var first = Math.Max(1, start ?? 1);
        var last = Math.Min(lines.Length, end ?? lines.Length);
        var text = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            text.Append(i.ToString().PadLeft(5)).Append('\t').AppendLine(lines[i - 1]);
        }

        return text.Length == 0 ? $"(no lines in {first}..{last}; the file has {lines.Length})" : text.ToString();
    }

    [KernelFunction("create")]
    [Description("Create a file (or overwrite one) with the given text.")]
    public string Create(string path, string text)
    {
        if (Resolve(path) is not { } full)
        {
            return Outside(path);
        }

        Remember(full);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return $"created {path}";
    }

    [KernelFunction("str_replace")]
    [Description("Replace old_str, which must occur exactly once in the file, with new_str.")]
    public string StrReplace(string path, string old_str, string new_str)
    {
        if (Resolve(path) is not { } full)
        {
            return Outside(path);
        }

        if (!File.Exists(full))
        {
            return $"error: {path} does not exist.";
        }

        var text = File.ReadAllText(full);
        var count = Count(text, old_str);
        if (count != 1)
        {
            return count == 0
                ? $"error: old_str was not found in {path}; view the file and copy the text exactly."
                : $"error: old_str occurs {count} times in {path}; include more context so it is unique.";
        }

        Remember(full);
        File.WriteAllText(full, text.Replace(old_str, new_str, StringComparison.Ordinal));
        return $"edited {path}";
    }

    [KernelFunction("insert")]
    [Description("Insert text after the given line number (0 inserts at the top).")]
    public string Insert(string path, int line, string text)
    {
        if (Resolve(path) is not { } full)
        {
            return Outside(path);
        }

        if (!File.Exists(full))
        {
            return $"error: {path} does not exist.";
        }

        var lines = File.ReadAllLines(full).ToList();
        if (line < 0 || line > lines.Count)
        {
            return $"error: line {line} is outside 0..{lines.Count}.";
        }

        Remember(full);
        lines.InsertRange(line, text.Split('\n'));
        File.WriteAllText(full, string.Join('\n', lines) + "\n");
        return $"inserted into {path} after line {line}";
    }

    [KernelFunction("undo_edit")]
    [Description("Undo the last edit of a file.")]
    public string UndoEdit(string path)
    {
        if (Resolve(path) is not { } full)
        {
            return Outside(path);
        }

        if (!_history.TryGetValue(full, out var stack) || stack.Count == 0)
        {
            return $"error: no edit of {path} to undo.";
        }

        var previous = stack.Pop();
        if (previous is null)
        {
            File.Delete(full);
        }
        else
        {
            File.WriteAllText(full, previous);
        }

        return $"undid the last edit of {path}";
    }

    private string? Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full == _root || full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }

    private static string Outside(string path) => $"error: {path} is outside the repository.";

    private void Remember(string full)
    {
        if (!_history.TryGetValue(full, out var stack))
        {
            stack = new Stack<string?>();
            _history[full] = stack;
        }

        stack.Push(File.Exists(full) ? File.ReadAllText(full) : null);
    }

    private static int Count(string text, string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
