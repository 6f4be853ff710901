using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace ModelCert.Data;

/// <summary>The table side of <see cref="StringInterner"/>: adding entries, growing, the byte arena and hashing.</summary>
internal sealed unsafe partial class StringInterner
{
    private int Add(int slot, ulong head, ulong tail, uint hash, ReadOnlySpan<byte> bytes)
    {
        var code = Dictionary.GetOrAdd(Encoding.UTF8.GetString(bytes));
        if (_count == _heads.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _heads, size);
            Array.Resize(ref _tails, size);
            Array.Resize(ref _hashes, size);
            Array.Resize(ref _codes, size);
        }

        var entry = _count++;
        (_heads[entry], _tails[entry], _hashes[entry], _codes[entry]) = (head, tail, hash, code);
        _slots[slot] = entry + 1;
        if (_count * 2 > _slots.Length)
        {
            Rehash(_slots.Length * 2);
        }

        return code;
    }

    private void Rehash(int size)
    {
        var slots = new int[size];
        var mask = size - 1;
        for (var entry = 0; entry < _count; entry++)
        {
            var slot = (int)(_hashes[entry] & (uint)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = entry + 1;
        }

        _slots = slots;
    }

    private int CopyToArena(ReadOnlySpan<byte> bytes)
    {
        if (_arenaUsed + (long)bytes.Length > _arena.Length)
        {
            var size = Math.Max((long)_arena.Length * 2, _arenaUsed + (long)bytes.Length);
            if (size > Array.MaxLength)
            {
                throw new InvalidOperationException("A string column holds more than 2 GB of distinct text.");
            }

            Array.Resize(ref _arena, (int)size);
        }

        var offset = _arenaUsed;
        bytes.CopyTo(_arena.AsSpan(offset));
        _arenaUsed += bytes.Length;
        return offset;
    }

    /// <summary>The length field: the low 32 bits of the first 8 bytes (the rest is inline data or prefix).</summary>
    private static int LengthOf(ulong head) => unchecked((int)(uint)head);

    private static uint Mix(ulong head, ulong tail)
    {
        unchecked
        {
            var h = (head ^ BitOperations.RotateLeft(tail, 29)) * 0x9E3779B97F4A7C15UL;
            h ^= h >> 32;
            h *= 0xBF58476D1CE4E5B9UL;
            return (uint)(h ^ (h >> 29));
        }
    }

    private static uint HashBytes(ReadOnlySpan<byte> bytes)
    {
        unchecked
        {
            var h = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
            var i = 0;
            for (; i + 8 <= bytes.Length; i += 8)
            {
                h = BitOperations.RotateLeft(h ^ (Unsafe.ReadUnaligned<ulong>(ref Unsafe.AsRef(in bytes[i])) * 0xBF58476D1CE4E5B9UL), 31) * 0x94D049BB133111EBUL;
            }

            ulong last = 0;
            for (var shift = 0; i < bytes.Length; i++, shift += 8)
            {
                last |= (ulong)bytes[i] << shift;
            }

            return Mix(h, last);
        }
    }
}
