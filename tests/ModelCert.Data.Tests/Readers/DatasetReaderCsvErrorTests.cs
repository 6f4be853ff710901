using System.Text;

using ModelCert.Core;
using ModelCert.Core.Frames;

using Xunit;

namespace ModelCert.Data.Tests;

public sealed class DatasetReaderCsvErrorTests
{
    public sealed class ReadAll
    {
        [Fact]
        public void Should_name_file_and_line_of_a_short_row_in_the_sniffed_sample()
        {
            // Given a CSV whose third line has one field too few (inside the rows DuckDB sniffs)
            using var directory = new TempDirectory();
            var path = directory.Write("short.csv", "a,b,c\n1,x,2.5\n2,y\n3,z,4\n");

            // When it is read
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path));

            // Then one line names the file, the line and the field counts
            Expect.Equal($"data file '{path}' line 3 has 2 fields, expected 3 as in the header", error.Message, "message");
        }

        [Fact]
        public void Should_name_file_and_line_of_a_long_row_far_into_the_file()
        {
            // Given a CSV whose row on line 40 002 has one field too many (beyond DuckDB's sniffing sample)
            using var directory = new TempDirectory();
            var text = new StringBuilder("a,b\n");
            for (var i = 0; i < 40_000; i++)
            {
                text.Append(i).Append(",v\n");
            }

            text.Append("1,v,extra\n2,v\n");
            var path = directory.Write("long.csv", text.ToString());

            // When it is read
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path));

            // Then the message names the file and DuckDB's line number
            Expect.Equal($"data file '{path}' line 40002 has 3 fields, expected 2 as in the header", error.Message, "message");
        }

        [Fact]
        public void Should_name_file_line_column_value_and_kind_for_a_value_the_schema_rejects()
        {
            // Given a CSV with text where the explicit schema wants an integer
            using var directory = new TempDirectory();
            var path = directory.Write("bad.csv", "a,b\n1,2\n3,x7\n");
            var schema = new[] { new ColumnSchema("a", ColumnKind.Int64), new ColumnSchema("b", ColumnKind.Int64) };

            // When it is read with the schema
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path, new DatasetReadOptions { Schema = schema }));

            // Then one line says where, what was found and what was expected
            Expect.Equal(
                $"data file '{path}' line 3, column 'b': found 'x7', expected int64 (the explicit schema)",
                error.Message,
                "message");
        }

        [Fact]
        public void Should_name_a_late_value_that_does_not_fit_the_sniffed_kind()
        {
            // Given a column that is integral in the rows DuckDB sniffs but holds text on line 30 002
            using var directory = new TempDirectory();
            var text = new StringBuilder("a,b\n");
            for (var i = 0; i < 30_000; i++)
            {
                text.Append(i).Append(',').Append(i).Append('\n');
            }

            text.Append("7,oops\n");
            var path = directory.Write("late.csv", text.ToString());

            // When it is read
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path));

            // Then the message says where, what was found, and how to avoid sniffing
            Expect.Equal(
                $"data file '{path}' line 30002, column 'b': found 'oops', expected int64 "
                + "(the type sniffed from the first rows; give an explicit schema to change it)",
                error.Message,
                "message");
        }

        [Fact]
        public void Should_refuse_an_explicit_schema_whose_names_differ_from_the_header()
        {
            // Given a CSV with columns a, b and a schema naming them b, a
            using var directory = new TempDirectory();
            var path = directory.Write("swapped.csv", "a,b\n1,2\n");
            var schema = new[] { new ColumnSchema("b", ColumnKind.Int64), new ColumnSchema("a", ColumnKind.Int64) };

            // When it is read with the schema
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path, new DatasetReadOptions { Schema = schema }));

            // Then the mismatch is named instead of silently reading b's values as a
            Expect.Equal(
                $"data file '{path}' has columns (a, b) but the explicit schema expects (b, a), in this order",
                error.Message,
                "message");
        }
    }
}
