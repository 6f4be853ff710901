using System.Globalization;
using System.Text;

namespace ModelCert.Policy.Tests.Support;

/// <summary>
/// Seeded structural mutations of a YAML file, the edits a careless or hostile author makes: lines deleted, duplicated
/// (duplicate keys) or swapped, indentation changed, scalars replaced by extreme values or turned into lists and maps
/// and back, anchors and aliases, an alias bomb, deep nesting, tags, extra documents, a BOM, CRLF, NUL and bytes that are
/// not UTF-8. Each mutation is named, so a failure says which input broke.
/// </summary>
internal sealed class YamlMutator(int seed)
{
    private static readonly string[] ExtremeScalars =
    [
        "1e309", "-1e309", "-0", "NaN", ".nan", ".inf", "-.inf", "99999999999999999999", "-99999999999999999999",
        "0x7FFFFFFFFFFFFFFF", "0o777", "1_000", "+1", "1e-400", "''", "\"\"", "~", "null", "true", "off", "yes",
        "2026-13-45", "\"\\u0000\"", "\"\\t\"", "\"\\uD800\"", "|", ">", "@x", "`x", "%x", "? x", "- x", "{", "[", ":",
        "!!str", "&", "*", "\"unterminated", "'it''s'", "\u00e9\u00e8\u4e2d\U0001F600", "-", "18446744073709551616",
        "-9223372036854775809", "4294967296", "2147483648", "0.0000000000000000000000001",
    ];

    private static readonly string[] Tags = ["!!binary", "!!python/object:os.system", "!custom", "!!float", "!!map", "!<tag:yaml.org,2002:str>"];

    private readonly Random _random = new(seed);

    /// <summary>One to three mutations of <paramref name="text"/>, as bytes (some mutations are not valid UTF-8).</summary>
    public (string Name, byte[] Bytes) Mutate(string text)
    {
        var names = new List<string>();
        var edits = _random.Next(1, 4);
        byte[]? bytes = null;
        for (var e = 0; e < edits; e++)
        {
            var kind = _random.Next(20);
            if (kind >= 17)
            {
                (var name, bytes) = MutateBytes(Encoding.UTF8.GetBytes(text), kind);
                names.Add(name);
                break;
            }

            (var textName, text) = MutateText(text, kind);
            names.Add(textName);
        }

        return (string.Join(" + ", names), bytes ?? Encoding.UTF8.GetBytes(text));
    }

    private (string Name, string Text) MutateText(string text, int kind)
    {
        var lines = text.Split('\n').ToList();
        var a = _random.Next(lines.Count);
        var b = _random.Next(lines.Count);
        var at = Invariant($"line {a + 1}");
        switch (kind)
        {
            case 0:
                lines.RemoveAt(a);
                return ($"delete {at}", Join(lines));
            case 1:
                lines.Insert(a, lines[a]);
                return ($"duplicate {at}", Join(lines));
            case 2:
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return (Invariant($"swap lines {a + 1} and {b + 1}"), Join(lines));
            case 3:
                var shift = _random.Next(-4, 5);
                lines[a] = shift >= 0 ? new string(' ', shift) + lines[a] : lines[a].TrimStart(' ');
                return (Invariant($"indent {at} by {shift}"), Join(lines));
            case 4:
                lines[a] = lines[a].TrimStart(' ').Insert(0, "\t");
                return ($"tab-indent {at}", Join(lines));
            case 5:
            case 6:
            case 7:
                var value = ExtremeScalars[_random.Next(ExtremeScalars.Length)];
                return ($"value '{value}' at {at}", Join(ReplaceValue(lines, a, value)));
            case 8:
                var shape = _random.Next(4) switch { 0 => "[1, [2, {x: 3}]]", 1 => "{a: 1, b: [2]}", 2 => "[]", _ => "{}" };
                return ($"value {shape} at {at}", Join(ReplaceValue(lines, a, shape)));
            case 9:
                return ($"value 100,000 characters at {at}", Join(ReplaceValue(lines, a, new string('x', 100_000))));
            case 10:
                return ($"scalar for the block at {at}", Join(ReplaceBlockWithScalar(lines, a)));
            case 11:
                var anchored = ReplaceValue(lines, a, "&anchor " + ValueOf(lines[a]));
                return ($"anchor at {at}, alias at line {b + 1}", Join(ReplaceValue(anchored, b, "*anchor")));
            case 12:
                return ($"alias bomb after {at}", Join(InsertAfter(lines, a, AliasBomb(Indent(lines[a])))));
            case 13:
                var depth = _random.Next(2) == 0 ? 10_000 : 40;
                var opener = _random.Next(2) == 0 ? "[" : "{";
                return (Invariant($"{depth} levels of {opener} at {at}"), Join(ReplaceValue(lines, a, string.Concat(Enumerable.Repeat(opener, depth)))));
            case 14:
                var tag = Tags[_random.Next(Tags.Length)];
                return ($"tag {tag} at {at}", Join(ReplaceValue(lines, a, tag + " " + ValueOf(lines[a]))));
            case 15:
                return _random.Next(2) == 0 ? ("second document", text + "\n---\n" + text) : ("document end marker", "...\n" + text);
            default:
                return _random.Next(2) == 0 ? ("CRLF", text.Replace("\n", "\r\n", StringComparison.Ordinal)) : ("CR only", text.Replace('\n', '\r'));
        }
    }

    private (string Name, byte[] Bytes) MutateBytes(byte[] bytes, int kind)
    {
        var at = _random.Next(bytes.Length + 1);
        byte[] insertion = kind switch
        {
            17 => [0],
            18 => _random.Next(3) switch { 0 => [0xFF], 1 => [0xC3], _ => [0xED, 0xA0, 0x80] },
            _ => [0xEF, 0xBB, 0xBF],
        };
        var where = kind == 19 ? 0 : at;
        return (Invariant($"bytes {Convert.ToHexString(insertion)} at {where}"), [.. bytes[..where], .. insertion, .. bytes[where..]]);
    }

    /// <summary>The line with its value after "key:" (or "- ") replaced; a line without one gets the value appended.</summary>
    private static List<string> ReplaceValue(List<string> lines, int index, string value)
    {
        var copy = new List<string>(lines);
        var line = copy[index];
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        copy[index] = colon >= 0 ? line[..(colon + 2)] + value
            : line.TrimEnd().EndsWith(':') ? line.TrimEnd() + " " + value
            : line.TrimStart().StartsWith("- ", StringComparison.Ordinal) ? Indent(line) + "- " + value
            : line + " " + value;
        return copy;
    }

    private static string ValueOf(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 ? line[(colon + 2)..] : "x";
    }

    /// <summary>A "key:" line opening a block gets a scalar, and the block's lines stay, now mis-indented beneath it.</summary>
    private static List<string> ReplaceBlockWithScalar(List<string> lines, int index)
    {
        var copy = new List<string>(lines);
        var opener = copy.FindIndex(index, l => l.TrimEnd().EndsWith(':'));
        if (opener >= 0)
        {
            copy[opener] = copy[opener].TrimEnd() + " 42";
        }

        return copy;
    }

    private static List<string> InsertAfter(List<string> lines, int index, IEnumerable<string> inserted)
    {
        var copy = new List<string>(lines);
        copy.InsertRange(index + 1, inserted);
        return copy;
    }

    /// <summary>Nine levels of aliases, each a list of nine of the previous: 9^9 (387 million) nodes if expanded.</summary>
    public static IEnumerable<string> AliasBomb(string indent)
    {
        yield return indent + "bomb0: &b0 [lol]";
        for (var level = 1; level <= 9; level++)
        {
            var previous = Invariant($"*b{level - 1}");
            yield return indent + Invariant($"bomb{level}: &b{level} [") + string.Join(", ", Enumerable.Repeat(previous, 9)) + "]";
        }
    }

    private static string Indent(string line) => line[..(line.Length - line.TrimStart(' ').Length)];

    private static string Join(List<string> lines) => string.Join('\n', lines);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
