using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// Maps DuckDB strings to codes of one <see cref="StringDictionary"/> without creating a .NET string per value: an
/// open-addressing table keyed on the raw UTF-8 bytes. An inline string (12 bytes or fewer) is keyed by its whole
/// 16-byte <c>duckdb_string_t</c> (DuckDB zero-pads it), so it is hashed and compared as two ulongs without touching a
/// pointer; a longer one by its first 8 bytes (length and prefix) plus a copy of its bytes in an arena.
/// A string is created only when a value is seen for the first time.
/// </summary>
internal sealed unsafe partial class StringInterner
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
}
