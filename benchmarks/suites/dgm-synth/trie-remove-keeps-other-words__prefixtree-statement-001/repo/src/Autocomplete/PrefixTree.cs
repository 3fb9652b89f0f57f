using System.Text;

namespace Autocomplete;

/// <summary>A set of words that can list the words starting with a prefix. Words are compared ordinally.</summary>
public sealed class PrefixTree
{
    private readonly Node root = new();

    public int Count { get; private set; }

    /// <summary>Adds a word; returns false if it was already present.</summary>
    public bool Add(string word)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        var node = root;
        foreach (var c in word)
        {
            if (!node.Children.TryGetValue(c, out var child))
            {
                child = new Node();
                node.Children.Add(c, child);
            }

            node = child;
        }

        if (node.IsWord)
        {
            return false;
        }

        node.IsWord = true;
        Count++;
        return true;
    }

    public bool Contains(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Find(word) is { IsWord: true };
    }

    /// <summary>Removes a word; returns false if it was not present. The other words are not affected.</summary>
    public bool Remove(string word)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        var path = new List<(Node Parent, char Key)>(word.Length);
        var node = root;
        foreach (var c in word)
        {
            if (!node.Children.TryGetValue(c, out var child))
            {
                return false;
            }

            path.Add((node, c));
            node = child;
        }

        if (!node.IsWord)
        {
            return false;
        }

        node.IsWord = false;
        Count--;

        // Drop the nodes that no longer lead to any word, from the end of the word upwards.
        for (var i = path.Count - 1; i >= 0; i--)
        {
            var (parent, key) = path[i];
            var child = parent.Children[key];
            if (child.IsWord || child.Children.Count > 0)
            {
                break;
            }

            parent.Children.Remove(key);
        }

        return true;
    }

    /// <summary>Up to <paramref name="limit"/> words that start with <paramref name="prefix"/>, in ordinal order.</summary>
    public IReadOnlyList<string> Complete(string prefix, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var results = new List<string>();
        var start = Find(prefix);
        if (start is not null && limit > 0)
        {
            Collect(start, new StringBuilder(prefix), results, limit);
        }

        return results;
    }

    private static void Collect(Node node, StringBuilder current, List<string> results, int limit)
    {
        if (node.IsWord)
        {
            results.Add(current.ToString());
        }

        foreach (var (c, child) in node.Children)
        {
            if (results.Count >= limit)
            {
                return;
            }

            current.Append(c);
            Collect(child, current, results, limit);
            current.Length--;
        }
    }

    private Node? Find(string prefix)
    {
        var node = root;
        foreach (var c in prefix)
        {
            if (!node.Children.TryGetValue(c, out var child))
            {
                return null;
            }
        }

        return node;
    }

    private sealed class Node
    {
        public SortedDictionary<char, Node> Children { get; } = [];

        public bool IsWord { get; set; }
    }
}
