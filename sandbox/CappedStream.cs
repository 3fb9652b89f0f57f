namespace Dgm.Sandbox;

/// <summary>A write-only stream that refuses to grow past a number of bytes: the write that would cross it throws <see cref="LimitReachedException"/>.</summary>
internal sealed class CappedStream(Stream inner, long limit) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = limit - _written;
        if (buffer.Length > room)
        {
            inner.Write(buffer[..(int)Math.Max(0, room)]);
            _written = limit;
            throw new LimitReachedException();
        }

        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The stream reached its limit; what was written up to it is kept.</summary>
    public sealed class LimitReachedException : IOException
    {
        public LimitReachedException()
            : base("the copy reached its size limit")
        {
        }

        public LimitReachedException(string message)
            : base(message)
        {
        }

        public LimitReachedException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
