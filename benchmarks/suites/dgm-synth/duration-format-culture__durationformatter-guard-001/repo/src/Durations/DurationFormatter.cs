using System.Globalization;

namespace Durations;

/// <summary>Formats durations and timestamps for build logs (one fixed, culture-independent format).</summary>
public static class DurationFormatter
{
    public static string Format(TimeSpan duration)
    {

        if (duration.TotalMinutes < 1)
        {
            return duration.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s";
        }

        var minutes = (int)duration.TotalMinutes;
        var seconds = duration.TotalSeconds - (minutes * 60);
        return $"{minutes} min {seconds.ToString("0.##", CultureInfo.InvariantCulture)} s";
    }

    public static string Stamp(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
