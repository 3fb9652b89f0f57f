using System.Text;

namespace Dgm.Sandbox;

/// <summary>
/// Keeps the first and last bytes of a stream up to a cap, dropping the middle, so endless output
/// costs bounded memory and the end (usually the error) survives. Not thread-safe.
/// </summary>
public sealed class HeadTailBuffer
{
    private readonly int _headCap;
    private readonly int _tailCap;
    private readonly byte[] _head;
    private int _headCount;
    private readonly byte[] _tail;
    private int _tailStart;
    private int _tailCount;

    public HeadTailBuffer(int capBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capBytes, 2);
        _headCap = capBytes / 2;
        _tailCap = capBytes - _headCap;
        _tail = new byte[_tailCap];
        _head = new byte[_headCap];
    }

    /// <summary>Bytes written in total, kept or not.</summary>
    public long TotalBytes { get; private set; }

    public bool Truncated => TotalBytes > _headCap + _tailCap;

    public void Write(ReadOnlySpan<byte> data)
    {
        TotalBytes += data.Length;
        var toHead = Math.Min(data.Length, _headCap - _headCount);
        if (toHead > 0)
        {
            data[..toHead].CopyTo(_head.AsSpan(_headCount));
            _headCount += toHead;
            data = data[toHead..];
        }

        if (data.Length >= _tailCap)
        {
            data[^_tailCap..].CopyTo(_tail);
            _tailStart = 0;
            _tailCount = _tailCap;
            return;
        }

        foreach (var b in data)
        {
            var index = (_tailStart + _tailCount) % _tailCap;
            _tail[index] = b;
            if (_tailCount < _tailCap)
            {
                _tailCount++;
            }
            else
            {
                _tailStart = (_tailStart + 1) % _tailCap;
            }
        }
    }

    public override string ToString()
    {
        var tail = new byte[_tailCount];
        for (var i = 0; i < _tailCount; i++)
        {
            tail[i] = _tail[(_tailStart + i) % _tailCap];
        }

        var head = Encoding.UTF8.GetString(_head, 0, _headCount);
        if (!Truncated)
        {
            return head + Encoding.UTF8.GetString(tail);
        }

        var dropped = TotalBytes - _headCount - _tailCount;
        return $"{head}\n[... {dropped} bytes of output dropped ...]\n{Encoding.UTF8.GetString(tail)}";
    }
}
