using ModelCert.Core.Frames;

using Xunit;

namespace ModelCert.Data.Tests;

public sealed class DatasetReaderCsvTests
{
    public sealed class ReadAll
    {
        [Fact]
        public void Should_sniff_kinds_and_mark_empty_fields_as_missing()
        {
            // Given a CSV with integer, decimal, boolean, text and date columns and some empty fields
            using var directory = new TempDirectory();
            var path = directory.Write("mixed.csv",
                "id,score,flag,name,day\n1,0.5,true,alpha,2024-01-02\n2,,false,,2024-01-03\n3,2.25,,gamma,\n");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then integers are Int64, decimals Float64, booleans Boolean, text and dates String
            Expect.Equal("id:Int64, score:Float64, flag:Boolean, name:String, day:String", FrameValues.Kinds(frame.Schema), "sniffed schema");
            Expect.Sequence<long?>([1, 2, 3], FrameValues.Int64s(frame, "id"), "id values");
            Expect.Sequence<double?>([0.5, null, 2.25], FrameValues.Float64s(frame, "score"), "score values with a missing one");
            Expect.Sequence<bool?>([true, false, null], FrameValues.Booleans(frame, "flag"), "flag values with a missing one");
            Expect.Sequence(["alpha", null, "gamma"], FrameValues.Strings(frame, "name"), "name values with a missing one");
            Expect.Sequence(["2024-01-02", "2024-01-03", null], FrameValues.Strings(frame, "day"), "dates as text");
            Assert.True(frame["id"].Validity.AllValid, "a column without empty fields should have no validity bitmap");
        }

        [Fact]
        public void Should_use_the_explicit_schema_instead_of_sniffing()
        {
            // Given a CSV whose columns would sniff as integers and an explicit schema saying otherwise
            using var directory = new TempDirectory();
            var path = directory.Write("explicit.csv", "a,b,c\n1,2,1\n3,4,0\n");
            var schema = new[]
            {
                new ColumnSchema("a", ColumnKind.Float64),
                new ColumnSchema("b", ColumnKind.String),
                new ColumnSchema("c", ColumnKind.Boolean),
            };

            // When it is read with the schema
            var frame = DatasetReader.ReadAll(path, new DatasetReadOptions { Schema = schema });

            // Then the schema's kinds are used
            Expect.Equal("a:Float64, b:String, c:Boolean", FrameValues.Kinds(frame.Schema), "schema");
            Expect.Sequence<double?>([1.0, 3.0], FrameValues.Float64s(frame, "a"), "a as float64");
            Expect.Sequence(["2", "4"], FrameValues.Strings(frame, "b"), "b as text");
            Expect.Sequence<bool?>([true, false], FrameValues.Booleans(frame, "c"), "c as boolean");
        }

        [Fact]
        public void Should_read_a_header_only_file_as_zero_rows()
        {
            // Given a CSV with a header and no data
            using var directory = new TempDirectory();
            var path = directory.Write("header.csv", "x,y\n");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then it has the header's columns and no rows
            Expect.Equal(0, frame.RowCount, "rows");
            Expect.Sequence(["x", "y"], frame.Schema.Names, "column names");
        }

        [Fact]
        public void Should_keep_long_and_non_ascii_text_intact()
        {
            // Given text longer than DuckDB's 12-byte inline limit, multi-byte UTF-8 and quoted commas
            using var directory = new TempDirectory();
            var values = new[] { "short", "exactly12byt", "a value well beyond twelve bytes", "Zürich", "日本語テキスト", "naïve, café", "😀 emoji" };
            var path = directory.Write("text.csv", "text\n" + string.Concat(values.Select(v => $"\"{v}\"\n")) + "\"a value well beyond twelve bytes\"\n");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then every value round-trips and the repeated long value shares its code
            Expect.Sequence([.. values, "a value well beyond twelve bytes"], FrameValues.Strings(frame, "text"), "text values");
            var codes = ((StringColumn)frame["text"]).Codes;
            Expect.Equal(codes[2], codes[^1], "code of a repeated long value");
            Expect.Equal(values.Length, ((StringColumn)frame["text"]).Dictionary.Count, "distinct values in the dictionary");
        }

        [Fact]
        public void Should_read_tab_separated_files()
        {
            // Given a .tsv file whose fields contain commas
            using var directory = new TempDirectory();
            var path = directory.Write("data.tsv", "k\tv\n1\ta,b\n2\tc\n");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then tabs separate the fields
            Expect.Sequence(["a,b", "c"], FrameValues.Strings(frame, "v"), "values containing commas");
        }

        [Fact]
        public void Should_read_semicolon_separated_csv_files()
        {
            // Given a .csv file separated by semicolons
            using var directory = new TempDirectory();
            var path = directory.Write("semi.csv", "k;v\n1;x\n2;y\n");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then the header's delimiter is used
            Expect.Equal("k:Int64, v:String", FrameValues.Kinds(frame.Schema), "schema");
        }
        [Fact]
        public void Should_read_doubled_quotes_and_quoted_delimiters_the_rfc_4180_way()
        {
            // Given quoted fields with doubled quotes and commas, the first of them after the rows the sniffer samples
            using var directory = new TempDirectory();
            var plain = string.Concat(Enumerable.Range(0, 25_000).Select(i => $"{i},plain\n"));
            var path = directory.Write("quotes.csv", "id,text\n" + plain + "25000,\"say \"\"hi\"\", then go\"\n25001,\"a,b\"\n");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then the quoting is RFC 4180's: a doubled quote is one quote, a quoted comma is text
            var text = FrameValues.Strings(frame, "text");
            Expect.Equal(25_002, frame.RowCount, "rows");
            Expect.Equal("say \"hi\", then go", text[25_000], "doubled quotes");
            Expect.Equal("a,b", text[25_001], "quoted comma");
        }

        [Fact]
        public void Should_read_apostrophes_and_backslashes_as_text()
        {
            // Given unquoted values with an apostrophe and a backslash, which leave the quoting to DuckDB's sniffer
            using var directory = new TempDirectory();
            var path = directory.Write("names.csv", "name,folder\nO'Brien,C:\\temp\nplain,\"x\"\"y\"\n");

            // When it is read
            var frame = DatasetReader.ReadAll(path);

            // Then they are text, and the doubled quote is still one quote
            Expect.Sequence(["O'Brien", "plain"], FrameValues.Strings(frame, "name"), "names");
            Expect.Sequence(["C:\\temp", "x\"y"], FrameValues.Strings(frame, "folder"), "folders");
        }
    }

    public sealed class Dialect
    {
        [Theory]
        [InlineData("a,b\n1,\"x\"\"y\"\n", true)]
        [InlineData("a,b\n1,O'Brien\n", false)]
        [InlineData("a,b\n1,C:\\temp\n", false)]
        [InlineData("a,b\n1,x", true)]
        public void Should_pin_rfc_quoting_only_when_the_sampled_rows_hold_no_other_quote_or_escape(string text, bool pinned)
        {
            // Given a CSV file
            using var directory = new TempDirectory();
            var path = directory.Write("d.csv", text);

            // When its dialect is chosen
            var dialect = CsvDialect.Of(path);

            // Then RFC 4180 quoting is pinned only without ' or \\
            Expect.Equal(pinned, dialect.RfcQuoting, "RFC quoting pinned");
            Expect.Equal(',', dialect.Delimiter, "delimiter");
        }

        [Fact]
        public void Should_look_only_at_the_rows_the_sniffer_samples()
        {
            // Given an apostrophe after the sniffer's 20,480 sample rows
            using var directory = new TempDirectory();
            var path = directory.Write("late.csv", "a\n" + string.Concat(Enumerable.Range(0, 20_480).Select(i => $"{i}\n")) + "O'Brien\n");

            // When its dialect is chosen
            var dialect = CsvDialect.Of(path);

            // Then the quoting is pinned (the sniffer would not have seen the apostrophe either)
            Expect.Equal(true, dialect.RfcQuoting, "RFC quoting pinned");
        }
    }
}
