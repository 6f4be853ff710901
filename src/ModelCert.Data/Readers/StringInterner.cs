using System.Runtime.CompilerServices;

using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// Maps DuckDB strings to codes of one <see cref="StringDictionary"/> without creating a .NET string per value: an
/// open-addressing table keyed on the raw UTF-8 bytes. An inline string (12 bytes or fewer) is keyed by its whole
/// 16-byte <c>duckdb_string_t</c> (DuckDB zero-pads it), so it is hashed and compared as two ulongs without touching a
/// pointer; a longer one by its first 8 bytes (length and prefix), its hash and a copy of its bytes in an arena.
/// A string is created only when a value is seen for the first time.
/// </summary>
internal sealed unsafe partial class StringInterner
{
    private ulong _lastHead = ulong.MaxValue;
    private ulong _lastTail;
    private int _lastCode;

    public StringDictionary Dictionary { get; } = new();

    /// <summary>Writes the codes of <paramref name="count"/> strings starting at row <paramref name="offset"/>; missing rows get code 0.</summary>
    public void Encode(byte* strings, ulong* validity, int offset, int count, Span<int> codes)
    {
        unchecked
        {
            var entry = (ulong*)strings + (2 * (long)offset);
            for (var i = 0; i < codes.Length && i < count; i++, entry += 2)
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindInline(ulong head, ulong tail)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var hash = Mix(head, tail);
        var index = (int)(hash & (uint)mask);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.CodePlusOne == 0)
            {
                return AddInline(index, head, tail, hash);
            }

            if (slot.Head == head && slot.Tail == tail)
            {
                return slot.CodePlusOne - 1;
            }

            index = (index + 1) & mask;
        }
    }

    private int FindLong(ulong head, byte* pointer)
    {
        var bytes = new ReadOnlySpan<byte>(pointer, LengthOf(head));
        var hash = HashBytes(bytes);
        var slots = _slots;
        var mask = slots.Length - 1;
        var index = (int)(hash & (uint)mask);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.CodePlusOne == 0)
            {
                return AddLong(index, head, hash, bytes);
            }

            if (slot.Head == head && slot.Hash == hash && ArenaBytes(slot.Tail, bytes.Length).SequenceEqual(bytes))
            {
                return slot.CodePlusOne - 1;
            }

            index = (index + 1) & mask;
        }
    }
}
