using Xunit;

namespace ModelCert.Data.Tests;

public sealed class DatasetReaderFormatTests
{
    public sealed class ReadAll
    {
        [Fact]
        public void Should_map_parquet_types_onto_the_four_kinds()
        {
            // Given a Parquet file written by DuckDB with integer, decimal, unsigned, date, list and text columns
            using var directory = new TempDirectory();
            var path = directory.File("typed.parquet");
            using (var database = DuckDbDatabase.OpenInMemory())
            using (var connection = database.Connect())
            {
                connection.Execute(
                    "COPY (SELECT * FROM (VALUES "
                    + "(1::INTEGER, 2.5::DECIMAL(5, 2), 7::UBIGINT, DATE '2020-01-31', [1, 2], 'a', true, 0.25::FLOAT), "
                    + "(NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) t(i, d, u, day, list, s, b, f)) "
                    + $"TO '{path.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)");
            }

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then integers are Int64, decimals, floats and unsigned 64-bit Float64, the rest text
            Expect.Equal(
                "i:Int64, d:Float64, u:Float64, day:String, list:String, s:String, b:Boolean, f:Float64",
                FrameValues.Kinds(frame.Schema),
                "schema");
            Expect.Sequence<long?>([1, null], FrameValues.Int64s(frame, "i"), "INTEGER values");
            Expect.Sequence<double?>([2.5, null], FrameValues.Float64s(frame, "d"), "DECIMAL values");
            Expect.Sequence<double?>([7, null], FrameValues.Float64s(frame, "u"), "UBIGINT values");
            Expect.Sequence(["2020-01-31", null], FrameValues.Strings(frame, "day"), "DATE as text");
            Expect.Sequence(["[1, 2]", null], FrameValues.Strings(frame, "list"), "LIST as text");
            Expect.Sequence<bool?>([true, null], FrameValues.Booleans(frame, "b"), "BOOLEAN values");
            Expect.Sequence<double?>([0.25, null], FrameValues.Float64s(frame, "f"), "FLOAT values");
        }

        [Fact]
        public void Should_round_trip_json_lines_with_nested_values_as_text()
        {
            // Given a JSON-lines file with a missing key and a nested object
            using var directory = new TempDirectory();
            var path = directory.Write("rows.jsonl",
                "{\"id\": 1, \"name\": \"Zoë\", \"score\": 0.5, \"ok\": true, \"meta\": {\"k\": 1}}\n"
                + "{\"id\": 2, \"name\": \"a name longer than twelve bytes\", \"score\": 1.5, \"ok\": false}\n");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then values and kinds come through and the missing key is missing
            Expect.Equal("id:Int64, name:String, score:Float64, ok:Boolean, meta:String", FrameValues.Kinds(frame.Schema), "schema");
            Expect.Sequence(["Zoë", "a name longer than twelve bytes"], FrameValues.Strings(frame, "name"), "name values");
            Expect.Sequence<double?>([0.5, 1.5], FrameValues.Float64s(frame, "score"), "score values");
            Expect.Sequence<bool?>([true, false], FrameValues.Booleans(frame, "ok"), "ok values");
            Expect.Equal(null, FrameValues.Strings(frame, "meta")[1], "missing nested value");
        }

        [Fact]
        public void Should_read_a_json_array_file()
        {
            // Given a .json file holding an array of records
            using var directory = new TempDirectory();
            var path = directory.Write("rows.json", "[{\"x\": 1}, {\"x\": 2.5}]");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then DuckDB's auto-detection reads the records
            Expect.Sequence<double?>([1, 2.5], FrameValues.Float64s(frame, "x"), "x values");
        }

        [Fact]
        public void Should_use_the_given_format_whatever_the_extension()
        {
            // Given CSV content in a file with an unknown extension
            using var directory = new TempDirectory();
            var path = directory.Write("data.dat", "x\n1\n");

            // When it is read with the format given
            var frame = DatasetReader.ReadAll(path, new DatasetReadOptions { Format = DatasetFormat.Csv });

            // Then it is read as CSV
            Expect.Sequence<long?>([1], FrameValues.Int64s(frame, "x"), "x values");
        }
    }
}
