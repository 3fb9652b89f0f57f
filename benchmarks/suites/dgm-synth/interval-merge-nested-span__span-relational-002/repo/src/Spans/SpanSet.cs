namespace Spans;

/// <summary>
/// A set of integers stored as sorted, disjoint, non-adjacent spans.
/// Adding a span merges it with every span it overlaps or touches.
/// </summary>
public sealed class SpanSet
{
    private readonly List<Span> _spans = new();

    /// <summary>The normalized spans, sorted by start.</summary>
    public IReadOnlyList<Span> Spans => _spans;

    public int TotalLength => _spans.Sum(s => s.Length);

    public void Add(Span span)
    {
        if (span.IsEmpty)
        {
            return;
        }

        var merged = Normalize(_spans.Append(span));
        _spans.Clear();
        _spans.AddRange(merged);
    }

    public bool Contains(int point)
    {
        foreach (var span in _spans)
        {
            if (span.Contains(point))
            {
                return true;
            }

            if (span.Start > point)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>The parts of <paramref name="within"/> that no span covers, in order.</summary>
    public IEnumerable<Span> Gaps(Span within)
    {
        var cursor = within.Start;
        foreach (var span in _spans)
        {
            if (span.End <= cursor)
            {
                continue;
            }

            if (span.Start >= within.End)
            {
                break;
            }

            if (span.Start > cursor)
            {
                yield return new Span(cursor, span.Start);
            }

            cursor = Math.Max(cursor, span.End);
        }

        if (cursor < within.End)
        {
            yield return new Span(cursor, within.End);
        }
    }

    /// <summary>Sorts the spans and merges those that overlap or touch; empty spans are dropped.</summary>
    public static IReadOnlyList<Span> Normalize(IEnumerable<Span> spans)
    {
        var groups = new List<List<Span>>();
        foreach (var span in spans.Where(s => !s.IsEmpty).OrderBy(s => s.Start))
        {
            if (groups.Count > 0 && span.Start <= groups[^1].Max(s => s.End))
            {
                groups[^1].Add(span);
            }
            else
            {
                groups.Add(new List<Span> { span });
            }
        }

        return groups.Select(g => new Span(g.First().Start, g.Max(s => s.End))).ToList();
    }
}
