using System.Buffers.Binary;

namespace ModelCert.Evidence.Log;

/// <summary>
/// The log's entries file, <c>entries.bin</c>: the 8-byte header <c>MCLOG01\n</c>, then one record per entry, in
/// order: the entry's length as a 4-byte big-endian unsigned integer, then the entry's bytes (the leaf data).
/// Records are only ever appended, each followed by an fsync. An incomplete last record is an interrupted append.
/// </summary>
internal static class EntryFile
{
    public const string FileName = "entries.bin";

    /// <summary>The largest entry we write or read; entries are small JSON documents, so anything larger is damage.</summary>
    public const int MaxEntryBytes = 1 << 20;

    public static ReadOnlySpan<byte> Header => "MCLOG01\n"u8;

    public static int HeaderLength => Header.Length;

    /// <summary>
    /// Reads records from <paramref name="offset"/> (a record boundary, or 0 for the start of the file) and passes
    /// each to <paramref name="onEntry"/> with its offset.
    /// </summary>
    public static EntryScan Scan(string path, long offset, Action<long, byte[]> onEntry)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        if (offset == 0)
        {
            Span<byte> header = stackalloc byte[HeaderLength];
            if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) != HeaderLength || !header.SequenceEqual(Header))
            {
                return new EntryScan(0, 0, $"{FileName} does not start with the header 'MCLOG01': not a ModelCert log, or its start was overwritten");
            }

            offset = HeaderLength;
        }

        stream.Position = offset;
        var count = 0L;
        Span<byte> prefix = stackalloc byte[4];
        while (true)
        {
            var read = stream.ReadAtLeast(prefix, 4, throwOnEndOfStream: false);
            if (read == 0)
            {
                return new EntryScan(offset, count, null);
            }

            var length = read == 4 ? BinaryPrimitives.ReadUInt32BigEndian(prefix) : 0;
            if (read < 4 || (length <= MaxEntryBytes && stream.Length - stream.Position < length))
            {
                return new EntryScan(offset, count, null, TornTail: true);
            }

            if (length > MaxEntryBytes)
            {
                return new EntryScan(offset, count, $"{FileName} record at byte {offset} claims {length} bytes, more than the {MaxEntryBytes} an entry may have: the file is damaged there");
            }

            var data = new byte[length];
            stream.ReadExactly(data);
            onEntry(offset, data);
            offset = stream.Position;
            count++;
        }
    }

    /// <summary>The record for <paramref name="entry"/>: its 4-byte big-endian length, then its bytes.</summary>
    public static byte[] Record(ReadOnlySpan<byte> entry)
    {
        var record = new byte[4 + entry.Length];
        BinaryPrimitives.WriteUInt32BigEndian(record, checked((uint)entry.Length));
        entry.CopyTo(record.AsSpan(4));
        return record;
    }
}

/// <summary>
/// The result of scanning the entries file: where the complete records end, how many were read, and either a damage
/// description (<see cref="Damage"/>) or an incomplete last record (<see cref="TornTail"/>).
/// </summary>
internal sealed record EntryScan(long End, long Count, string? Damage, bool TornTail = false);
