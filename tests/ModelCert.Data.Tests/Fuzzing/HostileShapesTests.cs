using System.Globalization;
using System.Text;

using Xunit;

namespace ModelCert.Data.Tests.Fuzzing;

/// <summary>
/// Hand-made worst cases beside the random mutations: shapes a random edit rarely produces (a 10,000-column header,
/// a 1 MB line, duplicate and empty names, NUL in a JSON key, deep JSON nesting, a damaged Parquet footer).
/// </summary>
public sealed class HostileShapesTests
{
    public sealed class Csv
    {
        /// <summary>The index of the 10,000-column case below.</summary>
        private const int WideCase = 6;

        [Fact]
        public void Should_read_or_refuse_every_hostile_csv_shape()
        {
            // Given the real CSV slice reshaped in ways a random edit rarely finds
            using var corpus = FuzzCorpus.Create();
            var text = corpus.CsvText;
            var header = text[..text.IndexOf('\n', StringComparison.Ordinal)];
            var body = text[(header.Length + 1)..];
            var wide = string.Join(',', Enumerable.Range(0, 10_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"c{i}")));
            var cases = new (string Name, string Text)[]
            {
                ("cr-only line endings", text.Replace('\n', '\r')),
                ("crlf line endings", text.Replace("\n", "\r\n", StringComparison.Ordinal)),
                ("bom", "\uFEFF" + text),
                ("two boms", "\uFEFF\uFEFF" + text),
                ("1 MB line", text + new string('x', 1 << 20) + "\n"),
                ("1 MB quoted field", header + "\n\"" + new string('y', 1 << 20) + "\"" + new string(',', 15) + "\n"),
                ("10,000-column header", wide + "\n" + string.Join(',', Enumerable.Repeat("1", 10_000)) + "\n"),
                ("duplicate column names", header.Replace("age", "row_id", StringComparison.Ordinal) + "\n" + body),
                ("names differing in case only", header.Replace("age", "ROW_ID", StringComparison.Ordinal) + "\n" + body),
                ("empty header names", header.Replace("age", string.Empty, StringComparison.Ordinal).Replace("sex", string.Empty, StringComparison.Ordinal) + "\n" + body),
                ("empty header line", "\n" + body),
                ("header only", header + "\n"),
                ("only commas", new string(',', 40) + "\n"),
                ("only newlines", new string('\n', 40)),
                ("NUL in a header name", header.Replace("age", "a\0ge", StringComparison.Ordinal) + "\n" + body),
                ("NUL as the whole file", "\0"),
                ("a name and the same name with a NUL after it", header.Replace("age", "row_id\0x", StringComparison.Ordinal) + "\n" + body),
                ("lone quote in the header", "\"" + text),
                ("quote in a header name", header.Replace("age", "a\"ge", StringComparison.Ordinal) + "\n" + body),
                ("unterminated quote at the end", text + "\"1,2"),
                ("tab and comma mix", header.Replace(',', '\t') + "\n" + body),
                ("huge numbers", header + "\n" + string.Join(',', Enumerable.Repeat("99999999999999999999999999999999999", 16)) + "\n"),
                ("extreme floats", header + "\n1e309,-0,NaN,inf,-inf,1e-400,0x10,1_000,+5,.5,5.,1e,--1,١٢,½,0\n"),
                ("semicolons", text.Replace(',', ';')),
                ("pipes and quotes", text.Replace(',', '|').Replace("Private", "\"Pri|vate\"", StringComparison.Ordinal)),
                ("backslash escapes", text.Replace("Private", "Pri\\\"vate", StringComparison.Ordinal)),
                ("single quotes", text.Replace("Private", "'Private", StringComparison.Ordinal)),
            };
            var harness = new ReadOrRefuse();
            for (var i = 0; i < cases.Length; i++)
            {
                // When every entry point reads it (the 10,000-column file, seconds to sniff, only once)
                harness.Check(corpus.WriteCase($"shape-{i}.csv", Encoding.UTF8.GetBytes(cases[i].Text)), cases[i].Name, describe: i != WideCase);
            }

            // Then each is read consistently or refused with an InputException naming the file
            harness.AssertNoCrash();
        }

        [Fact]
        public void Should_read_or_refuse_invalid_utf8_in_each_place()
        {
            // Given invalid UTF-8 in the header, in a value, and as a truncated multi-byte sequence at the end
            using var corpus = FuzzCorpus.Create();
            var bytes = corpus.Csv;
            var cases = new (string Name, byte[] Bytes)[]
            {
                ("0xFF in the header", [0xFF, .. bytes]),
                ("lone continuation byte in a value", [.. bytes[..200], 0x80, .. bytes[200..]]),
                ("surrogate encoded as UTF-8", [.. bytes[..300], 0xED, 0xA0, 0x80, .. bytes[300..]]),
                ("cut multi-byte sequence at the end", [.. bytes, 0xE2, 0x82]),
                ("UTF-16 text", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(corpus.CsvText)).ToArray()),
            };
            var harness = new ReadOrRefuse();
            for (var i = 0; i < cases.Length; i++)
            {
                // When every entry point reads it
                harness.Check(corpus.WriteCase($"utf8-{i}.csv", cases[i].Bytes), cases[i].Name);
            }

            // Then nothing but an InputException escapes
            harness.AssertNoCrash();
        }
    }

    public sealed class JsonLines
    {
        [Fact]
        public void Should_read_or_refuse_every_hostile_json_shape()
        {
            // Given JSON lines with mixed types, nesting, odd keys and deep brackets
            using var corpus = FuzzCorpus.Create();
            var cases = new (string Name, string Extension, string Text)[]
            {
                ("mixed types in a column", ".jsonl", "{\"a\": 1, \"b\": \"x\"}\n{\"a\": \"one\", \"b\": 2}\n{\"a\": true, \"b\": null}\n{\"a\": 1.5, \"b\": [1]}\n"),
                ("nested objects and lists", ".jsonl", "{\"a\": {\"b\": {\"c\": [1, 2, {\"d\": null}]}}, \"e\": [[1], [2, 3]]}\n{\"a\": {\"b\": 5}, \"e\": []}\n"),
                ("10,000 levels of brackets", ".jsonl", "{\"a\": " + new string('[', 10_000) + new string(']', 10_000) + "}\n"),
                ("10,000 levels of braces", ".jsonl", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000) + "\n"),
                ("duplicate keys", ".jsonl", "{\"a\": 1, \"a\": 2}\n"),
                ("keys differing in case only", ".jsonl", "{\"a\": 1, \"A\": 2}\n"),
                ("empty key", ".jsonl", "{\"\": 1, \"b\": 2}\n"),
                ("NUL in a key", ".jsonl", "{\"a\\u0000b\": 1}\n"),
                ("NUL in a value", ".jsonl", "{\"a\": \"x\\u0000y\"}\n"),
                ("lone surrogate escape", ".jsonl", "{\"a\": \"\\ud800\"}\n"),
                ("a quote in a key", ".jsonl", "{\"a\\\"b\": 1}\n"),
                ("top-level scalars", ".jsonl", "1\n2\n3\n"),
                ("top-level arrays", ".jsonl", "[1, 2]\n[3, 4]\n"),
                ("a JSON array file", ".json", "[{\"a\": 1}, {\"a\": 2}]"),
                ("empty objects", ".jsonl", "{}\n{}\n"),
                ("huge numbers", ".jsonl", "{\"a\": 1e309}\n{\"a\": -1e309}\n{\"a\": 99999999999999999999999999999}\n"),
                ("NaN and Infinity", ".jsonl", "{\"a\": NaN}\n{\"a\": Infinity}\n"),
                ("1 MB string", ".jsonl", "{\"a\": \"" + new string('z', 1 << 20) + "\"}\n"),
                ("10,000 keys", ".jsonl", "{" + string.Join(", ", Enumerable.Range(0, 10_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"\"k{i}\": {i}"))) + "}\n"),
                ("only whitespace", ".jsonl", "  \n\n \t\n"),
                ("bom", ".jsonl", "\uFEFF{\"a\": 1}\n"),
                ("CR-only line endings", ".jsonl", "{\"a\": 1}\r{\"a\": 2}\r"),
                ("not JSON", ".jsonl", "a,b\n1,2\n"),
                ("real rows then garbage", ".jsonl", Encoding.UTF8.GetString(corpus.JsonLines) + "{garbage\n"),
            };
            var harness = new ReadOrRefuse();
            for (var i = 0; i < cases.Length; i++)
            {
                // When every entry point reads it
                harness.Check(corpus.WriteCase($"shape-{i}{cases[i].Extension}", Encoding.UTF8.GetBytes(cases[i].Text)), cases[i].Name);
            }

            // Then each is read consistently or refused with an InputException naming the file
            harness.AssertNoCrash();
        }
    }

    public sealed class Parquet
    {
        [Fact]
        public void Should_refuse_damaged_magic_and_footers()
        {
            // Given the real Parquet file with its magic, footer length or footer metadata damaged
            using var corpus = FuzzCorpus.Create();
            var good = corpus.Parquet;
            var footerLength = BitConverter.ToInt32(good, good.Length - 8);
            var footerStart = good.Length - 8 - footerLength;
            var cases = new List<(string Name, byte[] Bytes)>
            {
                ("magic at the start zeroed", With(good, 0, [0, 0, 0, 0])),
                ("magic at the end zeroed", With(good, good.Length - 4, [0, 0, 0, 0])),
                ("footer length zero", With(good, good.Length - 8, BitConverter.GetBytes(0))),
                ("footer length negative", With(good, good.Length - 8, BitConverter.GetBytes(-1))),
                ("footer length past the file", With(good, good.Length - 8, BitConverter.GetBytes(int.MaxValue))),
                ("footer length one too long", With(good, good.Length - 8, BitConverter.GetBytes(footerLength + 1))),
                ("footer cut in half", [.. good[..(footerStart + (footerLength / 2))], .. good[^8..]]),
                ("only the magic", [.. "PAR1"u8, .. "PAR1"u8]),
                ("magic and a zero footer", [.. "PAR1"u8, 0, 0, 0, 0, .. "PAR1"u8]),
                ("footer bytes all 0xFF", With(good, footerStart, Enumerable.Repeat((byte)0xFF, footerLength).ToArray())),
                ("data pages zeroed", With(good, 4, new byte[Math.Max(1, footerStart - 4)])),
            };
            var random = new Random(20_261_122);
            for (var i = 0; i < 24; i++)
            {
                var at = footerStart + random.Next(footerLength);
                cases.Add((string.Create(CultureInfo.InvariantCulture, $"footer byte {at} set"), With(good, at, [(byte)random.Next(256)])));
            }

            var harness = new ReadOrRefuse();
            for (var i = 0; i < cases.Count; i++)
            {
                // When every entry point reads it
                harness.Check(corpus.WriteCase($"damaged-{i}.parquet", cases[i].Bytes), cases[i].Name);
            }

            // Then nothing but an InputException escapes
            harness.AssertNoCrash();
        }

        private static byte[] With(byte[] source, int at, byte[] patch)
        {
            var bytes = (byte[])source.Clone();
            patch.AsSpan(0, Math.Min(patch.Length, bytes.Length - at)).CopyTo(bytes.AsSpan(at));
            return bytes;
        }
    }
}
