using System.Text;

namespace ModelCert.Data.Tests.Fuzzing;

/// <summary>
/// Seeded byte-level mutations of a data file: each returns the mutated bytes and a short name that identifies the
/// case in a failure message, so a failing input can be rebuilt from the seed and the case number.
/// </summary>
internal sealed class ByteMutator(int seed)
{
    private static readonly byte[][] Insertions =
    [
        [0],
        [0xFF],
        [0xC3],
        [0xED, 0xA0, 0x80],
        [(byte)'"'],
        [(byte)'\''],
        [(byte)'\\'],
        [(byte)','],
        [(byte)'\t'],
        [(byte)'\r'],
        [(byte)'\n'],
        [0xEF, 0xBB, 0xBF],
        [(byte)'{'],
        [(byte)'['],
        [(byte)'}'],
        [(byte)':'],
    ];

    private readonly Random _random = new(seed);

    public int Next(int maxValue) => _random.Next(maxValue);

    /// <summary>Cuts the file at a random offset (keeping at least one byte).</summary>
    public (string Name, byte[] Bytes) Truncate(byte[] source)
    {
        var at = _random.Next(1, source.Length);
        return ($"truncate at {at}", source[..at]);
    }

    /// <summary>Sets one to five random bytes to random values.</summary>
    public (string Name, byte[] Bytes) Flip(byte[] source)
    {
        var bytes = (byte[])source.Clone();
        var count = _random.Next(1, 6);
        var places = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var at = _random.Next(bytes.Length);
            bytes[at] = (byte)_random.Next(256);
            places.Add(at.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return ($"flip bytes at {string.Join('/', places)}", bytes);
    }

    /// <summary>Inserts a troublesome byte sequence (NUL, invalid UTF-8, a lone quote, a delimiter, a BOM ...) at a random offset.</summary>
    public (string Name, byte[] Bytes) Insert(byte[] source)
    {
        var insertion = Insertions[_random.Next(Insertions.Length)];
        var at = _random.Next(source.Length + 1);
        return ($"insert {Convert.ToHexString(insertion)} at {at}", [.. source[..at], .. insertion, .. source[at..]]);
    }

    /// <summary>Deletes, duplicates or swaps whole lines.</summary>
    public (string Name, byte[] Bytes) Lines(byte[] source)
    {
        var lines = Encoding.UTF8.GetString(source).Split('\n').ToList();
        var a = _random.Next(lines.Count);
        var b = _random.Next(lines.Count);
        string name;
        switch (_random.Next(3))
        {
            case 0:
                lines.RemoveAt(a);
                name = $"delete line {a + 1}";
                break;
            case 1:
                lines.Insert(b, lines[a]);
                name = $"copy line {a + 1} before line {b + 1}";
                break;
            default:
                (lines[a], lines[b]) = (lines[b], lines[a]);
                name = $"swap lines {a + 1} and {b + 1}";
                break;
        }

        return (name, Encoding.UTF8.GetBytes(string.Join('\n', lines)));
    }
}
