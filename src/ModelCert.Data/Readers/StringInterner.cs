using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// Maps DuckDB strings to codes of one <see cref="StringDictionary"/> without creating a .NET string per value: an
/// open-addressing table keyed on the raw UTF-8 bytes. An inline string (12 bytes or fewer) is keyed by its whole
/// 16-byte <c>duckdb_string_t</c> (DuckDB zero-pads it), so it is hashed and compared as two ulongs without touching a
/// pointer; a longer one by its first 8 bytes (length and prefix) plus a copy of its bytes in an arena.
/// A string is created only when a value is seen for the first time.
/// </summary>
internal sealed unsafe class StringInterner
{
    private const int InitialEntries = 256;

    private int[] _slots = new int[InitialEntries * 2];
    private ulong[] _heads = new ulong[InitialEntries];
    private ulong[] _tails = new ulong[InitialEntries];
    private uint[] _hashes = new uint[InitialEntries];
    private int[] _codes = new int[InitialEntries];
    private int _count;
    private byte[] _arena = new byte[4096];
    private int _arenaUsed;
    private ulong _lastHead = ulong.MaxValue;
    private ulong _lastTail;
    private int _lastCode;
    private ulong _lastLongHead = ulong.MaxValue;
    private int _lastLongEntry;

    public StringDictionary Dictionary { get; } = new();

    /// <summary>Writes the codes of <paramref name="count"/> strings starting at row <paramref name="offset"/>; missing rows get code 0.</summary>
    public void Encode(byte* strings, ulong* validity, int offset, int count, Span<int> codes)
    {
        unchecked
        {
            var entry = (ulong*)strings + (2 * (long)offset);
            for (var i = 0; i < count; i++, entry += 2)
            {
                var row = offset + i;
                if (validity is not null && (validity[row >> 6] & (1UL << (row & 63))) == 0)
                {
                    codes[i] = 0;
                    continue;
                }

                var head = entry[0];
                var tail = entry[1];
                if (head == _lastHead && tail == _lastTail)
                {
                    codes[i] = _lastCode;
                }
                else if ((uint)head <= DuckDbStrings.InlineLength)
                {
                    var code = FindInline(head, tail);
                    (_lastHead, _lastTail, _lastCode) = (head, tail, code);
                    codes[i] = code;
                }
                else
                {
                    codes[i] = FindLong(head, *(byte**)(entry + 1));
                }
            }
        }
    }

    private int FindInline(ulong head, ulong tail)
    {
        var hash = Mix(head, tail);
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                var key = stackalloc ulong[2] { head, tail };
                return Add(slot, head, tail, hash, new ReadOnlySpan<byte>((byte*)key + 4, LengthOf(head)));
            }

            if (_heads[entry] == head && _tails[entry] == tail)
            {
                return _codes[entry];
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Long strings repeat in runs too; comparing with the previous one skips hashing.</summary>
    private int FindLong(ulong head, byte* pointer)
    {
        var bytes = new ReadOnlySpan<byte>(pointer, LengthOf(head));
        if (head == _lastLongHead && ArenaBytes(_lastLongEntry, bytes.Length).SequenceEqual(bytes))
        {
            return _codes[_lastLongEntry];
        }

        var hash = HashBytes(bytes);
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                var offset = CopyToArena(bytes);
                Add(slot, head, (ulong)offset, hash, bytes);
                entry = _count - 1;
            }
            else if (_heads[entry] != head || _hashes[entry] != hash || !ArenaBytes(entry, bytes.Length).SequenceEqual(bytes))
            {
                slot = (slot + 1) & mask;
                continue;
            }

            (_lastLongHead, _lastLongEntry) = (head, entry);
            return _codes[entry];
        }
    }

    private ReadOnlySpan<byte> ArenaBytes(int entry, int length) => _arena.AsSpan((int)_tails[entry], length);

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
