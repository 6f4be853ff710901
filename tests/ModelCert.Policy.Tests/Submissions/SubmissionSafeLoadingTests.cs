using System.Diagnostics;
using System.Text;

using ModelCert.Policy.Parsing;
using ModelCert.Policy.Submissions;
using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests.Submissions;

/// <summary>Hostile or broken submission files get a clean PolicyException with a location; the process survives.</summary>
public sealed class SubmissionSafeLoadingTests
{
    public sealed class Hostile
    {
        [Theory]
        [InlineData('[')]
        [InlineData('{')]
        public void Should_stop_40_KB_of_nesting_at_depth_33(char opener)
        {
            // Given 40 KB of nested flow collections under a field
            var clock = Stopwatch.StartNew();

            // When it is loaded
            var lines = SubmissionFiles.Errors("policies: " + new string(opener, 40_000));

            // Then one diagnostic at the opener that went too deep, quickly
            Assert.Equal(["modelcert.yaml:1:42: nesting deeper than 32 levels; a submission never needs this"], lines);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }

        [Fact]
        public void Should_reject_anchors_and_aliases()
        {
            // Given a label reused through an alias
            var lines = SubmissionFiles.Errors(SubmissionFiles.Minimal + "  label: &l income\nprotected:\n  attributes: [*l]\n");

            // When loaded / Then both are refused at their places
            Assert.Equal(
                ["modelcert.yaml:5:10: anchors (&l) are not allowed in submission files; write the value out",
                 "modelcert.yaml:7:16: aliases (*l) are not allowed in submission files; write the value out"],
                lines);
        }

        [Fact]
        public void Should_refuse_more_than_10000_nodes()
        {
            // Given a list of 10,001 features
            var lines = SubmissionFiles.Errors("a: [" + string.Join(",", Enumerable.Repeat("x", 10_001)) + "]\n");

            // When loaded / Then reading stops at the 10,001st node
            Assert.Equal(["modelcert.yaml:1:19999: more than 10000 YAML nodes; a submission file is expected to be far smaller"], lines);
        }

        [Fact]
        public void Should_refuse_a_file_over_1_MiB_and_a_second_document()
        {
            // Given a 1 MiB comment, and two documents / When loaded / Then each is refused with its reason
            Assert.Equal(["modelcert.yaml:1:1: the submission file is 1048577 bytes; the limit is 1048576 (1 MiB)"], SubmissionFiles.Errors("#" + new string('x', 1024 * 1024)));
            Assert.Equal(["modelcert.yaml:5:1: a submission file holds a single YAML document; found a second one ('---')"], SubmissionFiles.Errors(SubmissionFiles.Minimal + "---\n" + SubmissionFiles.Minimal));
        }
    }

    public sealed class Broken
    {
        [Fact]
        public void Should_report_a_missing_file_as_given()
        {
            // Given a path that does not exist
            var error = Assert.Throws<PolicyException>(() => SubmissionParser.Load(Path.Combine("no-such-folder", "modelcert.yaml")));

            // When loaded / Then the path is named as given, with where it was looked for
            var diagnostic = Assert.Single(error.Diagnostics);
            Assert.Equal((Path.Combine("no-such-folder", "modelcert.yaml"), 1, 1), (diagnostic.File, diagnostic.Line, diagnostic.Column));
            Assert.StartsWith("submission file not found (looked for ", diagnostic.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_report_an_empty_file_bad_bytes_and_syntax_errors()
        {
            // Given an empty file, a non-UTF-8 file and an unclosed list
            using var folder = new PolicyFolder();
            folder.Write("bytes.yaml", [.. Encoding.UTF8.GetBytes("apiVersion: modelcert/v1\n"), 0xFF, (byte)'\n']);

            // When each is loaded / Then each is one located diagnostic
            Assert.Equal(["modelcert.yaml:1:1: the submission file is empty"], SubmissionFiles.Errors("# nothing yet\n"));
            Assert.Equal(["bytes.yaml:1:1: the submission file is not valid UTF-8 text"], SubmissionFiles.Errors(folder, "bytes.yaml"));
            var syntax = Assert.Single(SubmissionFiles.Errors("data:\n  test: [a\n"));
            Assert.StartsWith("modelcert.yaml:3:1: YAML syntax error: ", syntax, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_turn_every_mutation_into_diagnostics_or_a_submission()
        {
            // Given seeded random edits of the full submission
            const int seed = 20_240_601;
            var random = new Random(seed);
            const string alphabet = "[]{}:,-&*!|>'\"#%@`?~ \n\t.0123456789abcxyzTF\\";
            for (var i = 0; i < 2000; i++)
            {
                var text = new StringBuilder(SubmissionFiles.Full);
                for (var edits = random.Next(1, 4); edits > 0; edits--)
                {
                    var at = random.Next(text.Length);
                    _ = random.Next(3) switch
                    {
                        0 => text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)),
                        1 => text.Insert(at, alphabet[random.Next(alphabet.Length)]),
                        _ => text.Insert(at, text.ToString(random.Next(text.Length / 2), random.Next(1, 30))),
                    };
                }

                // When each is parsed
                var bag = new DiagnosticBag("fuzz.yaml");
                var exception = Record.Exception(() => SubmissionParser.Parse(text.ToString(), "fuzz.yaml", ".", bag));

                // Then nothing throws, and every diagnostic points inside the text
                Assert.True(exception is null, $"iteration {i} (seed {seed}) threw {exception}");
                var lines = text.ToString().Split('\n').Length;
                Assert.All(bag.Items, d => Assert.True(d.Line >= 1 && d.Line <= lines + 1 && d.Column >= 1, $"iteration {i}: bad position {d}"));
            }
        }
    }
}
