using ModelCert.Core;

using Xunit;

namespace ModelCert.Data.Tests;

/// <summary>The inputs the fuzzers found crashing or unclear, each pinned with the message it now gets.</summary>
public sealed class DatasetReaderHostileInputTests
{
    public sealed class JsonNesting
    {
        [Theory]
        [InlineData("[", "]")]
        [InlineData("{\"a\":", "}")]
        public void Should_refuse_10000_levels_before_duckdb_overflows_its_stack(string open, string close)
        {
            // Given a JSON-lines file whose second line nests 10,000 levels (DuckDB's recursion killed the process)
            using var directory = new TempDirectory();
            var deep = string.Concat(Enumerable.Repeat(open, 10_000)) + "1" + string.Concat(Enumerable.Repeat(close, 10_000));
            var path = directory.Write("deep.jsonl", "{\"a\": 1}\n{\"b\": " + deep + "}\n");

            // When it is read
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path));

            // Then the message names the file, the line and the limit
            Expect.Equal(
                $"data file '{path}' line 2: JSON nested deeper than 64 levels of objects and arrays; a data row needs far fewer",
                error.Message,
                "message");
        }

        [Fact]
        public void Should_read_64_levels_and_ignore_brackets_inside_strings()
        {
            // Given 64 levels of nesting, and a string full of brackets and escaped quotes
            using var directory = new TempDirectory();
            var nested = new string('[', 63) + "1" + new string(']', 63);
            var path = directory.Write("ok.jsonl", "{\"a\": " + nested + ", \"s\": \"[[[[\\\"{{{{\"}\n");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then both columns are there
            Expect.Equal(1, frame.RowCount, "rows");
            Expect.Sequence(["a", "s"], frame.Columns.Select(c => c.Name), "columns");
        }
    }

    public sealed class ColumnNames
    {
        [Fact]
        public void Should_refuse_a_header_name_that_is_a_nul_character()
        {
            // Given a CSV file that is a single NUL byte (it once escaped as ArgumentException from the frame)
            using var directory = new TempDirectory();
            var path = directory.Write("nul.csv", "\0");

            // When it is read
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path));

            // Then the message names file, column, what was found and what was expected
            Expect.Equal($"data file '{path}' column 1: found an empty name (a NUL character?), expected a column name", error.Message, "message");
        }

        [Fact]
        public void Should_refuse_a_name_that_repeats_another_up_to_a_nul()
        {
            // Given a header "id,id<NUL>x": DuckDB's C API cuts names at the NUL, so both read as "id"
            using var directory = new TempDirectory();
            var path = directory.Write("twice.csv", "id,id\0x\n1,2\n");

            // When it is described
            var error = Assert.Throws<InputException>(() => DatasetReader.Describe(path));

            // Then the message names both positions
            Expect.Equal(
                $"data file '{path}' column 2: found the name 'id' again (first at column 1), expected distinct column names",
                error.Message,
                "message");
        }
    }

    public sealed class Messages
    {
        [Fact]
        public void Should_give_the_reason_for_invalid_utf8_not_only_the_line()
        {
            // Given a CSV file starting with the byte 0xFF
            using var directory = new TempDirectory();
            var path = directory.File("latin.csv");
            File.WriteAllBytes(path, [0xFF, .. "a,b\n1,2\n"u8]);

            // When it is read
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path));

            // Then the message says the file is not UTF-8, on one line
            Expect.Equal(
                $"data file '{path}' line 1: Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded.",
                error.Message,
                "message");
        }

        [Fact]
        public void Should_point_at_an_unclosed_quote_when_sniffing_fails()
        {
            // Given a CSV file whose header opens a quote that never closes
            using var directory = new TempDirectory();
            var path = directory.Write("quote.csv", "\"a,b\n1,2\n3,4\n");

            // When it is read
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path));

            // Then the message names the file and suggests the cause
            Expect.Equal(
                $"data file '{path}' could not be read as CSV: DuckDB found no consistent quoting with delimiter ','; look for an unclosed quote near the top",
                error.Message,
                "message");
        }

        [Fact]
        public void Should_say_a_parquet_file_with_a_broken_footer_is_damaged()
        {
            // Given a Parquet file whose footer length points before the start of the file
            using var directory = new TempDirectory();
            var path = directory.File("broken.parquet");
            File.WriteAllBytes(path, [.. "PAR1"u8, 1, 2, 3, 0xFF, 0xFF, 0xFF, 0x7F, .. "PAR1"u8]);

            // When it is read
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path));

            // Then the message names the file and says it is damaged
            Expect.Contains($"data file '{path}' could not be read as Parquet (damaged, or not a Parquet file): ", error.Message, "message");
            Assert.DoesNotContain('\n', error.Message);
        }
    }
}
