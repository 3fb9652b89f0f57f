using System.Text;

namespace Dgm.Archive.Internal;

/// <summary>
/// What LiteDB would not say: it rounds a data file's length down to whole 8 KiB pages (taking a short tail for an
/// unfinished write) and treats a file of no whole page as new, so a damaged archive would silently reopen empty.
/// A file with content must hold at least its header page, with LiteDB's signature.
/// </summary>
internal static class DataFileCheck
{
    private const int PageSize = 8192;
    private const int SignatureOffset = 32;
    private static readonly byte[] Signature = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>Null when the file is missing, empty, or starts with a LiteDB header page; otherwise what is wrong.</summary>
    public static string? Problem(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists || info.Length == 0)
        {
            return null;
        }

        if (info.Length < PageSize)
        {
            return $"the file is {info.Length} bytes, shorter than its own header page (truncated?)";
        }

        var head = new byte[SignatureOffset + Signature.Length];
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(head);
        }

        return head.AsSpan(SignatureOffset).SequenceEqual(Signature) ? null : "the file does not start with a LiteDB header (not an archive, or overwritten)";
    }
}
