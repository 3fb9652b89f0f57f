namespace Bookings;

/// <summary>A booking of the room from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive).</summary>
public sealed record Booking(int Id, string Title, DateTime Start, DateTime End);

/// <summary>Thrown when a booking would overlap an existing one.</summary>
public sealed class BookingConflictException(Booking conflictingWith)
    : InvalidOperationException($"The slot overlaps booking {conflictingWith.Id} ('{conflictingWith.Title}').")
{
    public Booking ConflictingWith { get; } = conflictingWith;
}
