using System.Globalization;
using System.Text.RegularExpressions;

namespace ModelCert.Runtime;

/// <summary>
/// Memory sizes as people write them: "2GiB", "512 MiB", "1.5GB" (GB, MB and KB are read as the binary units too, as
/// memory is counted) or a plain number of bytes; and back, in the largest binary unit that keeps it short.
/// </summary>
public static partial class MemorySize
{
    private static readonly Dictionary<string, long> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        [string.Empty] = 1, ["b"] = 1,
        ["k"] = 1L << 10, ["kb"] = 1L << 10, ["kib"] = 1L << 10,
        ["m"] = 1L << 20, ["mb"] = 1L << 20, ["mib"] = 1L << 20,
        ["g"] = 1L << 30, ["gb"] = 1L << 30, ["gib"] = 1L << 30,
        ["t"] = 1L << 40, ["tb"] = 1L << 40, ["tib"] = 1L << 40,
    };

    /// <summary>Reads a size of at least one byte; null with <paramref name="problem"/> saying what is wrong otherwise.</summary>
    public static long? TryParse(string text, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = string.Empty;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success || !Units.TryGetValue(match.Groups["unit"].Value, out var unit))
        {
            problem = $"'{text}' is not a memory size; write a number with an optional unit, e.g. 2GiB or 512MiB";
            return null;
        }

        var number = double.Parse(match.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var bytes = Math.Floor(number * unit);
        if (bytes < 1 || bytes > long.MaxValue / 2)
        {
            problem = $"'{text}' is out of range; a memory size must be at least 1 byte and at most 4 EiB";
            return null;
        }

        return (long)bytes;
    }

    /// <summary>"256 MiB", "2 GiB", "1.5 GiB", "1,000 bytes".</summary>
    public static string Format(long bytes)
    {
        foreach (var (name, size) in new[] { ("TiB", 1L << 40), ("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10) })
        {
            if (bytes >= size)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{(double)bytes / size:0.##} {name}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
    }

    [GeneratedRegex(@"^(?<number>\d{1,19}(\.\d{1,9})?)\s*(?<unit>[a-zA-Z]{0,3})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SizePattern();
}
