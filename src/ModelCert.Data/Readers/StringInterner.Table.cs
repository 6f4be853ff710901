using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace ModelCert.Data;

/// <summary>The table side of <see cref="StringInterner"/>: slots, adding and growing, the byte arena, hashing.</summary>
internal sealed unsafe partial class StringInterner
{
    private Slot[] _slots = new Slot[512];
    private int _count;
    private byte[] _arena = new byte[4096];
    private int _arenaUsed;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AddInline(int index, ulong head, ulong tail, uint hash)
    {
        var key = stackalloc ulong[2] { head, tail };
        return Add(index, head, tail, hash, new ReadOnlySpan<byte>((byte*)key + 4, LengthOf(head)));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AddLong(int index, ulong head, uint hash, ReadOnlySpan<byte> bytes) =>
        Add(index, head, (ulong)CopyToArena(bytes), hash, bytes);

    private int Add(int index, ulong head, ulong tail, uint hash, ReadOnlySpan<byte> bytes)
    {
        var code = Dictionary.GetOrAdd(Encoding.UTF8.GetString(bytes));
        _slots[index] = new Slot { Head = head, Tail = tail, Hash = hash, CodePlusOne = code + 1 };
        if (++_count * 2 > _slots.Length)
        {
            Rehash(_slots.Length * 2);
        }

        return code;
    }

    private void Rehash(int size)
    {
        var slots = new Slot[size];
        var mask = size - 1;
        foreach (var slot in _slots)
        {
            if (slot.CodePlusOne == 0)
            {
                continue;
            }

            var index = (int)(slot.Hash & (uint)mask);
            while (slots[index].CodePlusOne != 0)
            {
                index = (index + 1) & mask;
            }

            slots[index] = slot;
        }

        _slots = slots;
    }

    private ReadOnlySpan<byte> ArenaBytes(ulong offset, int length) => _arena.AsSpan((int)offset, length);

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
            return (uint)(h ^ (h >> 32));
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

    /// <summary>One table entry: the key (first and second 8 bytes, or prefix and arena offset), its hash and code + 1 (0 = empty).</summary>
    private struct Slot
    {
        public ulong Head;
        public ulong Tail;
        public uint Hash;
        public int CodePlusOne;
    }
}
