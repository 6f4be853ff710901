using ModelCert.Evidence.Report;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Evidence.Tests.Report;

public sealed class ReportCsvTests
{
    public sealed class Text
    {
        [Theory]
        [InlineData("=1+2", "'=1+2")]
        [InlineData("+SUM(A1)", "'+SUM(A1)")]
        [InlineData("-2+3", "'-2+3")]
        [InlineData("@cmd", "'@cmd")]
        [InlineData("\tx", "'\tx")]
        [InlineData("\rx", "\"'\rx\"")]
        [InlineData("a=b", "a=b")]
        [InlineData("plain", "plain")]
        [InlineData("", "")]
        [InlineData("a,b", "\"a,b\"")]
        [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
        [InlineData("=a,\"b\"\n", "\"'=a,\"\"b\"\"\n\"")]
        public void Should_neutralise_formulas_and_quote_per_rfc_4180(string cell, string expected)
        {
            // Given a text cell / When it is written / Then formulas are neutralised and special characters quoted
            Assert.Equal(expected, ReportCsv.Text(cell));
        }
    }

    public sealed class Requirements
    {
        [Fact]
        public void Should_write_one_row_per_check_with_numbers_as_numbers_and_text_neutralised()
        {
            // Given a document with a formula in a clause
            var csv = ReportCsv.Requirements(ReportSamples.Document());

            // When it is split into lines
            var lines = csv.Split("\r\n");

            // Then a header, three rows and a final line end; numbers are plain, the formula is defused
            Expect.Equal(5, lines.Length, "header + 3 checks + trailing empty");
            Expect.Equal(string.Empty, lines[^1], "CRLF after the last row");
            Assert.StartsWith("requirement,check,title,attribute,outcome,value,ci_low,ci_high,", lines[0], StringComparison.Ordinal);
            Assert.StartsWith("plain.ratio,fairness.demographic-parity-ratio,plain,plain,fail,0.4,0.3,0.5,0.95,0.8,,plain 1.0.0,1000,", lines[1], StringComparison.Ordinal);
            Expect.Contains("\"plain clause 1; =HYPERLINK(\"\"evil\"\")\"", lines[1], "a formula after text stays text, quoted");
        }

        [Fact]
        public void Should_defuse_hostile_text_in_every_text_cell()
        {
            // Given user text that starts with a formula
            var document = ReportSamples.Document("=cmd|' /C calc'!A0");

            // When exported
            var csv = ReportCsv.Requirements(document) + ReportCsv.Groups(document);

            // Then no cell starts with '=' (every such cell got an apostrophe)
            var cells = csv.Split("\r\n").SelectMany(line => line.Split(',')).Select(c => c.TrimStart('"')).ToList();
            Assert.DoesNotContain(cells, c => c.StartsWith('='));
            Assert.Contains(cells, c => c.StartsWith("'=cmd", StringComparison.Ordinal));
        }
    }

    public sealed class Groups
    {
        [Fact]
        public void Should_write_one_row_per_group_with_intervals_and_counts()
        {
            // Given a document with one attribute of three groups / When exported
            var lines = ReportCsv.Groups(ReportSamples.Document()).Split("\r\n");

            // Then each group has its rates, intervals and confusion counts
            Expect.Equal(5, lines.Length, "header + 3 groups + trailing empty");
            Assert.StartsWith("attribute,group,count,share,selection_rate,selection_rate_ci_low,selection_rate_ci_high,tpr,", lines[0], StringComparison.Ordinal);
            Expect.Equal("plain,plain-a,600,0.6,0.3,0.24,0.36,0.62,0.57,0.67,0.08,,,,,0.8,300,60,60,180", lines[1], "group a");
        }
    }
}
