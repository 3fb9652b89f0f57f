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
}
