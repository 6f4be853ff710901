using System.Buffers.Binary;
using System.Text;

using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Log;
using ModelCert.Evidence.Tests.Support;

namespace ModelCert.Evidence.Tests.Log;

/// <summary>A log in a temporary folder with a fresh key, and helpers that damage its files the way an attacker would.</summary>
internal sealed class LogFixture : IDisposable
{
    private readonly TempFolder _temp = new();

    public LogFixture(int entries = 0)
    {
        Key = SigningKey.Generate();
        Folder = _temp.File("log");
        Log = TransparencyLog.Open(Folder, Key);
        for (var i = 0; i < entries; i++)
        {
            Log.Append(Entry(i));
        }
    }

    public SigningKey Key { get; }

    public string Folder { get; }

    public TransparencyLog Log { get; }

    public string EntriesPath => Path.Combine(Folder, "entries.bin");

    public static byte[] Entry(int i) => Encoding.UTF8.GetBytes($"{{\"kind\":\"test\",\"n\":{i}}}");

    public VerificationReport Verify(IReadOnlyList<(string, string)>? external = null) => LogVerifier.Verify(Folder, Key.PublicKey, external);

    /// <summary>The entries as stored, in order.</summary>
    public List<byte[]> ReadRecords()
    {
        var bytes = File.ReadAllBytes(EntriesPath);
        var records = new List<byte[]>();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset)));
            records.Add(bytes.AsSpan(offset + 4, length).ToArray());
            offset += 4 + length;
        }

        return records;
    }

    /// <summary>Rewrites entries.bin with these entries, as a tool that knows the format would.</summary>
    public void WriteRecords(IEnumerable<byte[]> records)
    {
        using var stream = new MemoryStream();
        stream.Write("MCLOG01\n"u8);
        foreach (var record in records)
        {
            var prefix = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(prefix, checked((uint)record.Length));
            stream.Write(prefix);
            stream.Write(record);
        }

        File.WriteAllBytes(EntriesPath, stream.ToArray());
    }

    public string CheckpointPath(long size) => Path.Combine(Folder, "checkpoints", size.ToString("D20", System.Globalization.CultureInfo.InvariantCulture) + ".note");

    public void Dispose()
    {
        Key.Dispose();
        _temp.Dispose();
    }
}
