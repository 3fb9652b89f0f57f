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
    public void Record_RejectsOutOfRangeScore() =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Book().Record("ann", "quiz", 101));

    [TestMethod]
    public void Record_UnknownAssignmentThrows() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => Book().Record("ann", "exam", 50));

    [TestMethod]
    public void AssignmentAverage_AllGraded()
    {
        var book = Book();
        book.Record("ann", "quiz", 60);
        book.Record("bob", "quiz", 100);
        Assert.AreEqual(80, book.AssignmentAverage("quiz")!.Value, 1e-9);
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
    public void AddAssignment_Duplicate_Throws() =>
        Assert.ThrowsExactly<InvalidOperationException>(() => Book().AddAssignment("Quiz"));
}
