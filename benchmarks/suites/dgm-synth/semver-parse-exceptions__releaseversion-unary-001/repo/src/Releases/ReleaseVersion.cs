using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Releases;

/// <summary>
/// A semantic version (semver.org 2.0.0): MAJOR.MINOR.PATCH, an optional pre-release after '-' and
/// optional build metadata after '+'. Build metadata is ignored when versions are compared.
/// </summary>
public sealed class ReleaseVersion : IComparable<ReleaseVersion>, IEquatable<ReleaseVersion>
{
    private ReleaseVersion(int major, int minor, int patch, string[] preRelease, string[] build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        PreRelease = preRelease;
        Build = build;
    }

    public int Major { get; }

    public int Minor { get; }

    public int Patch { get; }

    public IReadOnlyList<string> PreRelease { get; }

    public IReadOnlyList<string> Build { get; }

    public bool IsPreRelease => PreRelease.Count > 0;

    /// <exception cref="FormatException"><paramref name="text"/> is not a valid semantic version.</exception>
    public static ReleaseVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string rest = text;
        string[] build = [];
        int plus = rest.IndexOf('+');
        if (plus >= 0)
        {
            build = ParseIdentifiers(rest[(plus + 1)..], text, isPreRelease: false);
            rest = rest[..plus];
        }

        string[] preRelease = [];
        int dash = rest.IndexOf('-');
        if (dash >= 0)
        {
            preRelease = ParseIdentifiers(rest[(dash + 1)..], text, isPreRelease: true);
            rest = rest[..dash];
        }

        string[] core = rest.Split('.');
        if (core.Length != 3)
        {
            throw new FormatException($"'{text}' is not of the form MAJOR.MINOR.PATCH.");
        }

        return new ReleaseVersion(
            ParseNumber(core[0], text), ParseNumber(core[1], text), ParseNumber(core[2], text), preRelease, build);
    }

    /// <summary>Like <see cref="Parse"/>, but returns false instead of throwing when the text is not a valid version.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ReleaseVersion? version)
    {
        version = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            version = Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public int CompareTo(ReleaseVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        int result = Major != other.Major ? Major.CompareTo(other.Major)
            : Minor != other.Minor ? Minor.CompareTo(other.Minor)
            : Patch.CompareTo(other.Patch);
        if (result != 0 || IsPreRelease != other.IsPreRelease)
        {
            return result != 0 ? result : (IsPreRelease ? 1 : 1);
        }

        for (int i = 0; i < Math.Min(PreRelease.Count, other.PreRelease.Count); i++)
        {
            result = CompareIdentifiers(PreRelease[i], other.PreRelease[i]);
            if (result != 0)
            {
                return result;
            }
        }

        return PreRelease.Count.CompareTo(other.PreRelease.Count);
    }

    public bool Equals(ReleaseVersion? other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => Equals(obj as ReleaseVersion);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', PreRelease));

    public override string ToString() =>
        $"{Major}.{Minor}.{Patch}"
        + (IsPreRelease ? "-" + string.Join('.', PreRelease) : "")
        + (Build.Count > 0 ? "+" + string.Join('.', Build) : "");

    public static bool operator <(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(ReleaseVersion left, ReleaseVersion right) => left.CompareTo(right) > 0;

    private static int ParseNumber(string part, string text)
    {
        if (part.Length == 0 || !part.All(char.IsAsciiDigit))
        {
            throw new FormatException($"'{text}': '{part}' is not a number.");
        }

        if (part.Length > 1 && part[0] == '0')
        {
            throw new FormatException($"'{text}': '{part}' has a leading zero.");
        }

        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            throw new FormatException($"'{text}': '{part}' is too large.");
        }

        return number;
    }

    private static string[] ParseIdentifiers(string section, string text, bool isPreRelease)
    {
        string[] identifiers = section.Split('.');
        foreach (string identifier in identifiers)
        {
            if (identifier.Length == 0)
            {
                throw new FormatException($"'{text}' contains an empty identifier.");
            }

            if (!identifier.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                throw new FormatException($"'{text}': '{identifier}' may only contain [0-9A-Za-z-].");
            }

            if (isPreRelease && identifier.Length > 1 && identifier[0] == '0' && identifier.All(char.IsAsciiDigit))
            {
                throw new FormatException($"'{text}': pre-release identifier '{identifier}' has a leading zero.");
            }
        }

        return identifiers;
    }

    private static int CompareIdentifiers(string left, string right)
    {
        bool leftNumeric = left.All(char.IsAsciiDigit);
        bool rightNumeric = right.All(char.IsAsciiDigit);
        if (leftNumeric && rightNumeric)
        {
            return left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);
        }

        if (leftNumeric != rightNumeric)
        {
            return leftNumeric ? -1 : 1;
        }

        return string.CompareOrdinal(left, right);
    }
}
