namespace Gradebooks.Tests;

[TestClass]
public sealed class GradeBookTests
{
    private static GradeBook Book()
    {
        var book = new GradeBook();
        book.AddAssignment("quiz");
        book.AddAssignment("essay");
        book.AddAssignment("lab");
        return book;
    }

    [TestMethod]
    public void Record_ThenScore()
    {
        var book = Book();
        book.Record("ann", "quiz", 72);
        Assert.AreEqual(72, book.Score("ann", "QUIZ"));
        Assert.IsNull(book.Score("ann", "lab"));
    }

    [TestMethod]
    public void Record_RejectsOutOfRangeScore() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Book().Record("ann", "quiz", 101));

    [TestMethod]
    public void Record_UnknownAssignmentThrows() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => Book().Record("ann", "exam", 50));

    [TestMethod]
    public void StudentAverage_AllGraded()
    {
        var book = Book();
        book.Record("ann", "quiz", 80);
        book.Record("ann", "lab", 90);
        Assert.AreEqual(85, book.StudentAverage("ann")!.Value, 1e-9);
        Assert.AreEqual("B", book.LetterGrade("ann"));
    }

    [TestMethod]
    public void AssignmentAverage_AllGraded()
    {
        var book = Book();
        book.Record("ann", "quiz", 60);
        book.Record("bob", "quiz", 100);
        Assert.AreEqual(80, book.AssignmentAverage("quiz")!.Value, 1e-9);
    }

    [TestMethod]
    public void StudentAverage_LeavesOutExcusedWork()
    {
        var book = Book();
        book.Record("mia", "quiz", 80);
        book.Record("mia", "essay", null);
        book.Record("mia", "lab", 90);
        Assert.AreEqual(85, book.StudentAverage("mia")!.Value, 1e-9);
    }
}
