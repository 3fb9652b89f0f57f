namespace Bits;

/// <summary>A fixed-size set of bits. Indexes outside [0, Length) throw ArgumentOutOfRangeException.</summary>
public sealed class BitSet
{
    private readonly ulong[] _words;

    public BitSet(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _words = new ulong[(length + 63) / 64];
    }

    public int Length { get; }

    public bool Get(int index)
    {
        Check(index);
        return (_words[index >> 7] & (1UL << (index & 63))) != 0;
    }

    public void Set(int index, bool value = true)
    {
        Check(index);
        if (value)
        {
            _words[index >> 6] |= 1UL << (index & 63);
        }
        else
        {
            _words[index >> 6] &= ~(1UL << (index & 63));
        }
    }

    public int PopCount() => _words.Sum(w => System.Numerics.BitOperations.PopCount(w));

    private void Check(int index)
    {
        if (index < 0 || index >= Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be within 0..{Length - 1}.");
        }
    }
}
