namespace Bookings;

/// <summary>
/// The bookings of one room. A booking covers [Start, End): it ends at the instant the next one may
/// start, so back-to-back bookings such as 09:00-10:00 and 10:00-11:00 do not overlap.
/// </summary>
public sealed class RoomSchedule
{
    private readonly List<Booking> bookings = [];
    private int nextId = 1;

    /// <summary>The bookings, ordered by start time.</summary>
    public IReadOnlyList<Booking> Bookings => bookings.OrderBy(b => b.Start).ToList();

    public Booking Book(string title, DateTime start, DateTime end)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ValidateSlot(start, end);
        var clash = bookings.FirstOrDefault(b => b.Start < end && start > b.End);
        if (clash is not null)
        {
            throw new BookingConflictException(clash);
        }

        var booking = new Booking(nextId++, title, start, end);
        bookings.Add(booking);
        return booking;
    }

    /// <summary>
    /// Moves a booking to a new slot; it keeps its id and title. Throws without changing anything if the new
    /// slot overlaps another booking.
    /// </summary>
    public Booking Reschedule(int id, DateTime newStart, DateTime newEnd)
    {
        ValidateSlot(newStart, newEnd);
        var index = bookings.FindIndex(b => b.Id == id);
        if (index < 0)
        {
            throw new KeyNotFoundException($"No booking {id}.");
        }

        foreach (var other in bookings)
        {
            if (other.Id != id && newStart < other.End && other.Start < newEnd)
            {
                throw new BookingConflictException(other);
            }
        }

        var moved = bookings[index] with { Start = newStart, End = newEnd };
        bookings[index] = moved;
        return moved;
    }

    public bool Cancel(int id) => bookings.RemoveAll(b => b.Id == id) > 0;

    /// <summary>The free intervals between <paramref name="from"/> and <paramref name="to"/> that last at least <paramref name="minLength"/>.</summary>
    public IReadOnlyList<(DateTime Start, DateTime End)> FreeSlots(DateTime from, DateTime to, TimeSpan minLength)
    {
        ValidateSlot(from, to);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minLength, TimeSpan.Zero);

        var free = new List<(DateTime Start, DateTime End)>();
        var cursor = from;
        foreach (var booking in bookings.Where(b => b.End > from && b.Start < to).OrderBy(b => b.Start))
        {
            if (booking.Start - cursor >= minLength)
            {
                free.Add((cursor, booking.Start));
            }

            if (booking.End > cursor)
            {
                cursor = booking.End;
            }
        }

        if (to - cursor >= minLength)
        {
            free.Add((cursor, to));
        }

        return free;
    }

    private static void ValidateSlot(DateTime start, DateTime end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"The end ({end:O}) must be after the start ({start:O}).", nameof(end));
        }
    }
}
