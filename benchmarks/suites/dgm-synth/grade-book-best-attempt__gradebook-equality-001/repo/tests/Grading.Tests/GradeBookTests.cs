namespace Grading.Tests;

[TestClass]
public sealed class GradeBookTests
{

    [TestMethod]
    public void UnknownStudentThrows() => Assert.ThrowsExactly<KeyNotFoundException>(() => new GradeBook().FinalScore("nobody"));

    [TestMethod]
    public void BestAttemptCounts()
    {
        var book = new GradeBook();
        book.Record("ann", "q1", 55);
        book.Record("ann", "q1", 90);
        book.Record("ann", "q1", 70);
        Assert.AreEqual(90, book.FinalScore("ann"));
    }

    [TestMethod]
    public void AveragesBestOfEachQuiz()
    {
        var book = new GradeBook();
        book.Record("ann", "q1", 40);
        book.Record("ann", "q2", 100);
        book.Record("ann", "q1", 60);
        Assert.AreEqual(80, book.FinalScore("ann"));
    }

    [TestMethod]
    public void ScoreAbove100IsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new GradeBook().Record("a", "q", 101));
}
