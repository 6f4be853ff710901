using System.Diagnostics;
using System.Text;

using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>Hostile or broken YAML gets a clean PolicyException with a location; the process survives.</summary>
public sealed partial class SafeLoadingTests
{
    public sealed class DeepNesting
    {
        [Theory]
        [InlineData('[')]
        [InlineData('{')]
        public void Should_stop_40_KB_of_flow_nesting_at_depth_33(char opener)
        {
            // Given 40 KB of nested flow collections under a key (root mapping = level 1, the 32nd opener = level 33)
            using var folder = new PolicyFolder();
            folder.Write("deep.yaml", "a: " + new string(opener, 40_000));
            var clock = Stopwatch.StartNew();

            // When it is resolved
            var error = folder.ResolveFails(Policies.Classification, "deep.yaml");

            // Then one clean diagnostic at the opener that went too deep, found quickly (the parser stops there)
            Assert.Equal(["deep.yaml:1:35: nesting deeper than 32 levels; a policy never needs this"], error.Diagnostics.Select(d => d.ToString()));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }

        [Fact]
        public void Should_stop_40_KB_of_nested_block_mappings_at_depth_33()
        {
            // Given about 40 KB of block mappings, each indented one more space than the last
            var text = new StringBuilder();
            for (var i = 0; text.Length < 40_000; i++)
            {
                text.Append(' ', i).Append("k:\n");
            }

            // When it is linted
            var lines = Lint.Of(text.ToString());

            // Then the 33rd mapping (line 33, indented 32) is where reading stops
            Lint.Single("p.yaml:33:33: nesting deeper than 32 levels; a policy never needs this", lines);
        }

        [Fact]
        public void Should_accept_32_levels()
        {
            // Given a value nested exactly 32 levels deep (root mapping + 31 lists) under an unknown field
            var lines = Lint.Of(Policies.One() + "x: " + new string('[', 31) + new string(']', 31) + "\n");

            // When it is linted / Then only the unknown field is reported, not the depth
            Lint.Single("p.yaml:11:1: unknown field 'x' in policy; valid fields: apiVersion, kind, metadata, extends, scope, defaults, requirements", lines);
        }
    }

    public sealed class AnchorsAndAliases
    {
        [Fact]
        public void Should_reject_both_with_their_locations()
        {
            // Given a policy that defines an anchor and uses it through an alias
            var yaml = Policies.With("""
                defaults: &d
                  on_fail: warn
                requirements:
                  - id: r1
                    check: performance.accuracy
                    threshold: { min: 0.5 }
                    on_fail: *d

                """);

            // When it is linted
            var lines = Lint.Of(yaml);

            // Then both are rejected at their positions, and the alias causes no follow-up type error
            Lint.Contains("p.yaml:6:11: anchors (&d) are not allowed in policies; write the value out", lines);
            Lint.Contains("p.yaml:12:14: aliases (*d) are not allowed in policies; write the value out", lines);
            Assert.True(lines.Length == 2, string.Join("\n", lines));
        }

        [Fact]
        public void Should_reject_a_billion_laughs_without_expanding_it()
        {
            // Given the classic exponential alias bomb
            var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (var i = 1; i < 10; i++)
            {
                yaml.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n");
            }

            // When it is linted / Then every anchor and alias is reported, nothing is expanded
            var lines = Lint.Of(yaml.ToString());
            Assert.Equal(10, lines.Count(l => l.Contains("anchors (&a", StringComparison.Ordinal)));
            Assert.Equal(81, lines.Count(l => l.Contains("aliases (*a", StringComparison.Ordinal)));
        }
    }
}
