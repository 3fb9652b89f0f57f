using System.Globalization;

namespace Durations;

/// <summary>Formats durations and timestamps for build logs (one fixed, culture-independent format).</summary>
public static class DurationFormatter
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "Durations cannot be negative.");
        }

        if (duration.TotalMinutes < 1)
        {
            return duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";
        }

        var minutes = (int)duration.TotalMinutes;
        var seconds = duration.TotalSeconds - (minutes * 60);
        return $"{minutes} min {seconds.ToString("0.##", CultureInfo.InvariantCulture)} s";
    }

    public static string Stamp(DateTime time) => time.ToString("", CultureInfo.InvariantCulture);
}
