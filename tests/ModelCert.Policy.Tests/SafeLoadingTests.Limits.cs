using System.Text;

using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed partial class SafeLoadingTests
{
    public sealed class Limits
    {
        [Fact]
        public void Should_refuse_more_than_10000_nodes()
        {
            // Given a flow list of 10,001 numbers (plus the root mapping and its key: 10,003 nodes)
            var lines = Lint.Of("a: [" + string.Join(",", Enumerable.Repeat("1", 10_001)) + "]\n");

            // When it is linted / Then reading stops at the 10,001st node: the 9,998th number, at column 5 + 2 * 9,997
            Lint.Single("p.yaml:1:19999: more than 10000 YAML nodes; a policy file is expected to be far smaller", lines);
        }

        [Fact]
        public void Should_refuse_a_file_over_1_MiB()
        {
            // Given a file of 1 MiB plus one byte (a comment)
            var lines = Lint.Of("#" + new string('x', 1024 * 1024));

            // When it is linted / Then the size is the only problem, reported at the file's start
            Lint.Single("p.yaml:1:1: the policy file is 1048577 bytes; the limit is 1048576 (1 MiB)", lines);
        }

        [Fact]
        public void Should_refuse_a_second_document()
        {
            // Given two YAML documents in one file
            var lines = Lint.Of(Policies.One() + "---\n" + Policies.One());

            // When it is linted / Then the second one is pointed at
            Lint.Single("p.yaml:11:1: a policy file holds a single YAML document; found a second one ('---')", lines);
        }

        [Fact]
        public void Should_refuse_tags()
        {
            // Given a value with an explicit tag
            var lines = Lint.Of(Policies.One().Replace("min: 0.7", "min: !!float 0.7", StringComparison.Ordinal));

            // When it is linted / Then the tag is reported
            Lint.Single("p.yaml:10:12: tags (tag:yaml.org,2002:float) are not allowed in policies; quote a value to make it a string", lines);
        }

        [Fact]
        public void Should_report_an_empty_file()
        {
            // Given a file with only a comment / When it is linted / Then it says so
            Lint.Single("p.yaml:1:1: the policy file is empty", Lint.Of("# nothing here\n"));
        }

        [Fact]
        public void Should_report_a_syntax_error_with_its_position()
        {
            // Given an unclosed flow list
            var lines = Lint.Of("apiVersion: modelcert/v1\nkind: [Policy\n");

            // When it is linted / Then YAML's own message is kept, with a location
            Assert.True(lines.Length == 1 && lines[0].StartsWith("p.yaml:3:1: YAML syntax error: ", StringComparison.Ordinal), string.Join("\n", lines));
        }

        [Fact]
        public void Should_report_input_that_breaks_the_yaml_scanner()
        {
            // Given text on which YamlDotNet's scanner throws InvalidOperationException instead of a YAML error
            var lines = Lint.Of("a: 1\nb: [\nu");

            // When it is linted / Then it is a syntax error at the last place the reader got to
            Lint.Single("p.yaml:2:4: YAML syntax error after this point; check brackets, quotes and indentation", lines);
        }

        [Fact]
        public void Should_report_bytes_that_are_not_utf8()
        {
            // Given a file with an invalid UTF-8 byte
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", [.. Encoding.UTF8.GetBytes("apiVersion: modelcert/v1\n"), 0xFF, (byte)'\n']);

            // When it is linted / Then it says so at the start
            Assert.Equal(["p.yaml:1:1: the policy file is not valid UTF-8 text"], folder.Lint("p.yaml").Select(d => d.ToString()));
        }

        [Fact]
        public void Should_report_a_missing_root_file()
        {
            // Given a reference to a file that does not exist
            using var folder = new PolicyFolder();

            // When it is resolved
            var error = folder.ResolveFails(Policies.Classification, "nope.yaml");

            // Then the diagnostic names the reference as given and where it looked
            var diagnostic = Assert.Single(error.Diagnostics);
            Assert.Equal(("nope.yaml", 1, 1), (diagnostic.File, diagnostic.Line, diagnostic.Column));
            Assert.StartsWith("policy file not found (looked for ", diagnostic.Message, StringComparison.Ordinal);
        }
    }
}
