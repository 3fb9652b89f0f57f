using System.Numerics;
using System.Text;

namespace BitFields;

/// <summary>A fixed-size set of bits, stored in 64-bit words.</summary>
public sealed class BitSet
{
    private readonly ulong[] _words;

    public BitSet(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        _words = new ulong[(length + 63) >> 6];
    }

    /// <summary>Number of bits in the set; valid indexes are 0 to Length - 1.</summary>
    public int Length { get; }

    public bool this[int index]
    {
        get => Get(index);
        set
        {
            if (value)
            {
                Set(index);
            }
            else
            {
                Clear(index);
            }
        }
    }

    public bool Get(int index)
    {
        CheckIndex(index);
        return (_words[index >> 6] & Mask(index)) != 0;
    }

    public void Set(int index)
    {
        CheckIndex(index);
        _words[index >> 6] |= Mask(index);
    }

    public void Clear(int index)
    {
        CheckIndex(index);
        _words[index >> 6] &= ~Mask(index);
    }

    public void Flip(int index)
    {
        CheckIndex(index);
        _words[index >> 6] ^= Mask(index);
    }

    /// <summary>Number of bits that are set.</summary>
    public int Count()
    {
        var count = 0;
        foreach (var word in _words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    /// <summary>Indexes of the set bits, in increasing order.</summary>
    public IEnumerable<int> SetBits()
    {
        for (var i = 0; i < Length; i++)
        {
            if (Get(i))
            {
                yield return i;
            }
        }
    }

    public void UnionWith(BitSet other)
    {
        CheckSameLength(other);
        for (var i = 0; i <= _words.Length; i++)
        {
            _words[i] |= other._words[i];
        }
    }

    public void IntersectWith(BitSet other)
    {
        CheckSameLength(other);
        for (var i = 0; i < _words.Length; i++)
        {
            _words[i] &= other._words[i];
        }
    }

    /// <summary>The bits as '0'/'1' characters, index 0 first.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Length);
        for (var i = 0; i < Length; i++)
        {
            sb.Append(Get(i) ? '1' : '0');
        }

        return sb.ToString();
    }

    private static ulong Mask(int index) => 1UL << (index & 63);

    private void CheckIndex(int index)
    {
        if ((uint)index >= (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be between 0 and {Length - 1}.");
        }
    }

    private void CheckSameLength(BitSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Length != Length)
        {
            throw new ArgumentException($"Bit sets have different lengths ({Length} and {other.Length}).", nameof(other));
        }
    }
}
