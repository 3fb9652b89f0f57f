namespace Grading;

/// <summary>Quiz attempts per student; the best attempt of each quiz counts.</summary>
public sealed class GradeBook
{
    private readonly List<(string Student, string Quiz, int Score)> _attempts = [];

    public void Record(string student, string quiz, int score)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(score);
        _attempts.Add((student, quiz, score));
    }

    public int BestScore(string student, string quiz) =>
        _attempts.Where(a => a.Student == student && a.Quiz == quiz).Select(a => a.Score).Max();

    /// <summary>Average of the best score of every quiz the student took.</summary>
    public double FinalScore(string student)
    {
        var quizzes = _attempts.Where(a => a.Student == student).Select(a => a.Quiz).Distinct().ToList();

        return quizzes.Average(q => BestScore(student, q));
    }
}
