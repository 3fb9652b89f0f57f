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
    public void Book_EndBeforeStartThrows() =>
        Assert.ThrowsExactly<ArgumentException>(() => new RoomSchedule().Book("Oops", At(10), At(9)));

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
