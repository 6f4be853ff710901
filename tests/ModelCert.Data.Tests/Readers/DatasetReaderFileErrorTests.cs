using ModelCert.Core;

using Xunit;

namespace ModelCert.Data.Tests;

public sealed class DatasetReaderFileErrorTests
{
    public sealed class Open
    {
        [Fact]
        public void Should_say_a_missing_file_does_not_exist()
        {
            // Given a path with no file
            using var directory = new TempDirectory();
            var path = directory.File("absent.csv");

            // When it is opened
            var error = Assert.Throws<InputException>(() => DatasetReader.Open(path));

            // Then the message names it
            Expect.Equal($"data file '{path}' does not exist", error.Message, "message");
        }

        [Fact]
        public void Should_list_supported_extensions_for_an_unknown_one()
        {
            // Given a file with an extension we do not read
            using var directory = new TempDirectory();
            var path = directory.Write("sheet.xlsx", "x");

            // When it is opened
            var error = Assert.Throws<InputException>(() => DatasetReader.Open(path));

            // Then the message names the file and the supported extensions
            Expect.Contains("sheet.xlsx", error.Message, "file in message");
            Expect.Contains(".csv, .tsv, .txt, .parquet, .jsonl, .ndjson, .json", error.Message, "supported extensions");
        }

        [Fact]
        public void Should_say_an_empty_csv_file_has_no_header_row()
        {
            // Given a CSV file of zero bytes
            using var directory = new TempDirectory();
            var path = directory.Write("empty.csv", string.Empty);

            // When it is opened
            var error = Assert.Throws<InputException>(() => DatasetReader.Open(path));

            // Then the message says so
            Expect.Equal($"data file '{path}' is empty: no header row", error.Message, "message");
        }

        [Fact]
        public void Should_name_an_unreadable_parquet_file()
        {
            // Given a .parquet file that is not Parquet
            using var directory = new TempDirectory();
            var path = directory.Write("junk.parquet", "this is not a parquet file at all");

            // When it is opened
            var error = Assert.Throws<InputException>(() => DatasetReader.Open(path));

            // Then the one-line message names the file
            Expect.Contains($"data file '{path}' could not be read as Parquet", error.Message, "message");
            Assert.DoesNotContain('\n', error.Message);
        }

        [Fact]
        public void Should_name_file_and_line_of_malformed_json()
        {
            // Given a JSON-lines file whose second line is cut off
            using var directory = new TempDirectory();
            var path = directory.Write("bad.jsonl", "{\"a\": 1}\n{\"a\": \n{\"a\": 3}\n");

            // When it is read
            var error = Assert.Throws<InputException>(() => DatasetReader.ReadAll(path));

            // Then the one-line message names the file and DuckDB's position
            Expect.Contains($"data file '{path}' could not be read as JSON lines", error.Message, "message");
            Expect.Contains("line", error.Message, "position in message");
            Assert.DoesNotContain('\n', error.Message);
        }
    }
}
