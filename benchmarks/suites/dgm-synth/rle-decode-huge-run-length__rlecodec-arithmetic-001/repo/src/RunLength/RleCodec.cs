using System.Globalization;
using System.Text;

namespace RunLength;

/// <summary>
/// Run-length encoding of text: each run is written as its length followed by the character ("aaab" is
/// "3a1b"). Digits and backslashes in the text are escaped with a backslash ("111" is "3\1"), so that any
/// string round-trips.
/// </summary>
public static class RleCodec
{
    public const int DefaultMaxDecodedLength = 1 << 20;

    public static string Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var run = 1;
            while (i + run < text.Length && text[i + run] == c)
            {
                run++;
            }

            encoded.Append(run.ToString(CultureInfo.InvariantCulture));
            if (char.IsAsciiDigit(c) || c == '\\')
            {
                encoded.Append('\\');
            }

            encoded.Append(c);
            i += run;
        }

        return encoded.ToString();
    }

    /// <summary>
    /// Decodes the output of <see cref="Encode"/>. Throws <see cref="FormatException"/> when the input is not
    /// valid run-length encoding (missing or zero run length, run length too large for an int, run length
    /// without a character, invalid or dangling escape) and when the decoded text would be longer than
    /// <paramref name="maxDecodedLength"/> characters.
    /// </summary>
    public static string Decode(string encoded, int maxDecodedLength = DefaultMaxDecodedLength)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecodedLength);

        var decoded = new StringBuilder();
        var i = 0;
        while (i < encoded.Length)
        {
            var start = i;
            while (i < encoded.Length && char.IsAsciiDigit(encoded[i]))
            {
                i++;
            }

            if (i == start)
            {
                throw new FormatException($"Expected a run length at position {start}.");
            }

            if (!int.TryParse(encoded.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                throw new FormatException($"The run length at position {start} is too large.");
            }

            if (length == 0)
            {
                throw new FormatException($"The run length at position {start} is zero.");
            }

            var escaped = i < encoded.Length && encoded[i] == '\\';
            if (escaped)
            {
                i++;
            }

            if (i == encoded.Length)
            {
                throw new FormatException($"The run length at position {start} has no character.");
            }

            var c = encoded[i];
            if (escaped && !char.IsAsciiDigit(c) && c != '\\')
            {
                throw new FormatException($"Invalid escape sequence at position {i - 1}.");
            }

            if (length > maxDecodedLength + decoded.Length)
            {
                throw new FormatException($"The decoded text is longer than {maxDecodedLength} characters.");
            }

            decoded.Append(c, length);
            i++;
        }

        return decoded.ToString();
    }
}
