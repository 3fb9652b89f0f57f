namespace Grading.Tests;

[TestClass]
public sealed class GradeBookTests
{
    [TestMethod]
    public void SingleAttemptCounts()
    {
        var book = new GradeBook();
        book.Record("bob", "q1", 80);
        Assert.AreEqual(80, book.FinalScore("bob"));
    }

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
    public void BestScoreIgnoresOtherStudents()
    {
        var book = new GradeBook();
        book.Record("bob", "q1", 99);
        book.Record("ann", "q1", 10);
        book.Record("ann", "q1", 20);
        Assert.AreEqual(20, book.BestScore("ann", "q1"));
    }

    [TestMethod]
    public void LaterWorseAttemptDoesNotLower()
    {
        var book = new GradeBook();
        book.Record("cy", "q1", 75);
        book.Record("cy", "q1", 30);
        Assert.AreEqual(75, book.FinalScore("cy"));
    }

    [TestMethod]
    public void ScoreAbove100IsRejected() => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new GradeBook().Record("a", "q", 101));
}
