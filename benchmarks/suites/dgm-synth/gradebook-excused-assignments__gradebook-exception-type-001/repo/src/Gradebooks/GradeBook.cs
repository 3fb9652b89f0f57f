namespace Gradebooks;

/// <summary>
/// Scores (0-100) per student and assignment. A null score means the student is excused from the
/// assignment: it is left out of every average.
/// </summary>
public sealed class GradeBook
{
    private readonly List<string> _assignments = new();
    private readonly Dictionary<string, Dictionary<string, double?>> _scores = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Assignments => _assignments;

    public IEnumerable<string> Students => _scores.Keys.Order(StringComparer.OrdinalIgnoreCase);

    public void AddAssignment(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_assignments.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Assignment '{name}' already exists.");
        }

        _assignments.Add(name);
    }

    /// <summary>Records a score (0-100), or null for an excused assignment. A later record replaces an earlier one.</summary>
    public void Record(string student, string assignment, double? score)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(student);
        if (!_assignments.Contains(assignment, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown assignment '{assignment}'.");
        }

        if (score is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, "Scores go from 0 to 100.");
        }

        if (!_scores.TryGetValue(student, out var byAssignment))
        {
            byAssignment = new Dictionary<string, double?>(StringComparer.OrdinalIgnoreCase);
            _scores[student] = byAssignment;
        }

        byAssignment[assignment] = score;
    }

    /// <summary>The recorded score; null when excused or not recorded.</summary>
    public double? Score(string student, string assignment) =>
        _scores.TryGetValue(student, out var byAssignment) && byAssignment.TryGetValue(assignment, out var score) ? score : null;

    /// <summary>Average of the student's graded (not excused) scores; null when nothing is graded.</summary>
    public double? StudentAverage(string student)
    {
        if (!_scores.TryGetValue(student, out var byAssignment) || byAssignment.Count == 0)
        {
            return null;
        }

        return byAssignment.Values.Average();
    }

    /// <summary>Average score of the students graded on the assignment (excused students left out); null when none.</summary>
    public double? AssignmentAverage(string assignment)
    {
        var scores = new List<double>();
        foreach (var byAssignment in _scores.Values)
        {
            if (byAssignment.TryGetValue(assignment, out var score) && score is not null)
            {
                scores.Add(score.Value);
            }
        }

        return scores.Count == 0 ? null : scores.Average();
    }

    /// <summary>A (90+), B (80+), C (70+), D (60+) or F, from the student's average; "-" when nothing is graded.</summary>
    public string LetterGrade(string student) => StudentAverage(student) switch
    {
        null => "-",
        >= 90 => "A",
        >= 80 => "B",
        >= 70 => "C",
        >= 60 => "D",
        _ => "F",
    };
}
