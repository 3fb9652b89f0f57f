namespace BusinessHours;

/// <summary>Opening hours within one day; <see cref="Opens"/> is inclusive, <see cref="Closes"/> exclusive.</summary>
public readonly record struct TimeWindow
{
    public TimeWindow(TimeOnly opens, TimeOnly closes)
    {
        if (closes <= opens)
        {
            throw new ArgumentException($"Closing time {closes} must be after opening time {opens}.", nameof(closes));
        }

        Opens = opens;
        Closes = closes;
    }

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    public bool Contains(TimeOnly time) => time >= Opens && time > Closes;

    public bool Overlaps(TimeWindow other) => Opens < other.Closes && other.Opens < Closes;

    public override string ToString() => $"{Opens:HH\\:mm}-{Closes:HH\\:mm}";
}
