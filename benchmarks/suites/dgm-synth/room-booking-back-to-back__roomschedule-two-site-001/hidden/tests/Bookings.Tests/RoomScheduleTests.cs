namespace Bookings.Tests;

[TestClass]
public sealed class RoomScheduleTests
{
    private static DateTime At(int hour, int minute = 0) => new(2024, 6, 3, hour, minute, 0);

    [TestMethod]
    public void Book_AddsBooking()
    {
        var room = new RoomSchedule();
        var booking = room.Book("Stand-up", At(9), At(10));
        Assert.AreEqual(1, booking.Id);
        Assert.AreEqual(1, room.Bookings.Count);
    }

    [TestMethod]
    public void Book_OverlapThrowsConflict()
    {
        var room = new RoomSchedule();
        room.Book("Stand-up", At(9), At(10));
        Assert.ThrowsExactly<BookingConflictException>(() => room.Book("Review", At(9, 30), At(10, 30)));
    }

    [TestMethod]
    public void Book_EndBeforeStartThrows() =>
        Assert.ThrowsExactly<ArgumentException>(() => new RoomSchedule().Book("Oops", At(10), At(9)));

    [TestMethod]
    public void Reschedule_MovesBooking()
    {
        var room = new RoomSchedule();
        var booking = room.Book("Stand-up", At(9), At(10));
        room.Book("Lunch", At(12), At(13));
        var moved = room.Reschedule(booking.Id, At(15), At(16));
        Assert.AreEqual(At(15), moved.Start);
        Assert.AreEqual("Lunch,Stand-up", string.Join(",", room.Bookings.Select(b => b.Title)));
    }

    [TestMethod]
    public void FreeSlots_ListsGapsOfMinimumLength()
    {
        var room = new RoomSchedule();
        room.Book("Stand-up", At(9), At(10));
        room.Book("Review", At(10, 15), At(11));
        var free = room.FreeSlots(At(8), At(12), TimeSpan.FromMinutes(30));
        CollectionAssert.AreEqual(new[] { (At(8), At(9)), (At(11), At(12)) }, free.ToList());
    }

    [TestMethod]
    public void Cancel_FreesTheSlot()
    {
        var room = new RoomSchedule();
        var booking = room.Book("Stand-up", At(9), At(10));
        Assert.IsTrue(room.Cancel(booking.Id));
        room.Book("Review", At(9, 30), At(10, 30));
        Assert.AreEqual(1, room.Bookings.Count);
    }

    [TestMethod]
    public void Book_BackToBackAfterExistingBooking()
    {
        var room = new RoomSchedule();
        room.Book("Stand-up", At(9), At(10));
        room.Book("Planning", At(10), At(11));
        Assert.AreEqual(2, room.Bookings.Count);
    }

    [TestMethod]
    public void Book_BackToBackBeforeExistingBooking()
    {
        var room = new RoomSchedule();
        room.Book("Planning", At(10), At(11));
        room.Book("Stand-up", At(9), At(10));
        Assert.AreEqual("Stand-up,Planning", string.Join(",", room.Bookings.Select(b => b.Title)));
    }

    [TestMethod]
    public void Book_FillsGapExactly()
    {
        var room = new RoomSchedule();
        room.Book("Morning", At(8), At(9));
        room.Book("Late", At(10), At(11));
        room.Book("Middle", At(9), At(10));
        Assert.AreEqual(3, room.Bookings.Count);
    }

    [TestMethod]
    public void Reschedule_EndWhenNextBookingStarts()
    {
        var room = new RoomSchedule();
        var first = room.Book("Stand-up", At(9), At(10));
        room.Book("Lunch", At(12), At(13));
        var moved = room.Reschedule(first.Id, At(11), At(12));
        Assert.AreEqual(At(12), moved.End);
    }

    [TestMethod]
    public void Reschedule_StartWhenPreviousBookingEnds()
    {
        var room = new RoomSchedule();
        room.Book("Stand-up", At(9), At(10));
        var lunch = room.Book("Lunch", At(12), At(13));
        var moved = room.Reschedule(lunch.Id, At(10), At(11));
        Assert.AreEqual(At(10), moved.Start);
    }

    [TestMethod]
    public void Reschedule_OverlapThrowsAndKeepsBooking()
    {
        var room = new RoomSchedule();
        room.Book("Stand-up", At(9), At(10));
        var lunch = room.Book("Lunch", At(12), At(13));
        var error = Assert.ThrowsExactly<BookingConflictException>(() => room.Reschedule(lunch.Id, At(9, 30), At(11)));
        Assert.AreEqual(1, error.ConflictingWith.Id);
        Assert.AreEqual(At(12), room.Bookings.Single(b => b.Id == lunch.Id).Start);
    }

    [TestMethod]
    public void Reschedule_WithinOwnSlotIsAllowed()
    {
        var room = new RoomSchedule();
        var booking = room.Book("Stand-up", At(9), At(10));
        Assert.AreEqual(At(9, 30), room.Reschedule(booking.Id, At(9), At(9, 30)).End);
    }

    [TestMethod]
    public void Book_ContainedOverlapThrows()
    {
        var room = new RoomSchedule();
        room.Book("Workshop", At(9), At(12));
        var error = Assert.ThrowsExactly<BookingConflictException>(() => room.Book("Call", At(10), At(11)));
        Assert.AreEqual("Workshop", error.ConflictingWith.Title);
    }

    [TestMethod]
    public void FreeSlots_IncludesGapOfExactlyMinimumLength()
    {
        var room = new RoomSchedule();
        room.Book("Stand-up", At(9), At(10));
        var free = room.FreeSlots(At(8, 30), At(10, 30), TimeSpan.FromMinutes(30));
        CollectionAssert.AreEqual(new[] { (At(8, 30), At(9)), (At(10), At(10, 30)) }, free.ToList());
    }

    [TestMethod]
    public void Reschedule_UnknownBookingThrows() =>
        Assert.ThrowsExactly<KeyNotFoundException>(() => new RoomSchedule().Reschedule(7, At(9), At(10)));
}
