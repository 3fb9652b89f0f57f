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

    [TestMethod]
    public void StudentAverage_OnlyExcused_IsNull()
    {
        var book = Book();
        book.Record("leo", "essay", null);
        Assert.IsNull(book.StudentAverage("leo"));
        Assert.AreEqual("-", book.LetterGrade("leo"));
    }

    [TestMethod]
    public void StudentAverage_UnknownStudent_IsNull()
    {
        Assert.IsNull(Book().StudentAverage("nobody"));
        Assert.AreEqual("-", Book().LetterGrade("nobody"));
    }

    [TestMethod]
    public void LetterGrade_IgnoresExcusedWork()
    {
        var book = Book();
        book.Record("mia", "quiz", 95);
        book.Record("mia", "essay", null);
        Assert.AreEqual("A", book.LetterGrade("mia"));
    }

    [TestMethod]
    public void AssignmentAverage_LeavesOutExcusedStudents()
    {
        var book = Book();
        book.Record("ann", "essay", 70);
        book.Record("bob", "essay", null);
        book.Record("cy", "essay", 90);
        Assert.AreEqual(80, book.AssignmentAverage("essay")!.Value, 1e-9);
    }

    [TestMethod]
    public void AssignmentAverage_EveryoneExcused_IsNull()
    {
        var book = Book();
        book.Record("ann", "lab", null);
        book.Record("bob", "lab", null);
        Assert.IsNull(book.AssignmentAverage("lab"));
    }

    [TestMethod]
    public void AssignmentAverage_NotRecorded_IsNull() => Assert.IsNull(Book().AssignmentAverage("quiz"));

    [TestMethod]
    public void Record_ReplacesExcusedWithScore()
    {
        var book = Book();
        book.Record("mia", "essay", null);
        book.Record("mia", "essay", 64);
        book.Record("mia", "quiz", 70);
        Assert.AreEqual(67, book.StudentAverage("mia")!.Value, 1e-9);
        Assert.AreEqual("D", book.LetterGrade("mia"));
    }

    [TestMethod]
    public void LetterGrade_Boundaries()
    {
        var book = Book();
        book.Record("a", "quiz", 90);
        book.Record("b", "quiz", 89.5);
        book.Record("f", "quiz", 59);
        Assert.AreEqual("A", book.LetterGrade("a"));
        Assert.AreEqual("B", book.LetterGrade("b"));
        Assert.AreEqual("F", book.LetterGrade("f"));
    }

    [TestMethod]
    public void AddAssignment_Duplicate_Throws() =>
        Assert.ThrowsExactly<InvalidOperationException>(() => Book().AddAssignment("Quiz"));
}
