using System.Globalization;

namespace Dgm.Archive.Internal;

/// <summary>Node ids are canonical decimal numbers: stored as numbers so that "10" sorts after "9".</summary>
internal static class NodeIds
{
    public static long Parse(string id) =>
        TryParse(id, out var number) ? number : throw ArchiveException.BadId(id);

    public static bool TryParse(string id, out long number)
    {
        // Canonical only: "07" and "7" must never name two nodes.
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && id == number.ToString(CultureInfo.InvariantCulture))
        {
            return true;
        }

        number = -1;
        return false;
    }

    public static string Format(long number) => number.ToString(CultureInfo.InvariantCulture);
}
