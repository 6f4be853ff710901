using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed partial class ResolverTests
{
    public sealed class Conflicts
    {
        [Fact]
        public void Should_refuse_one_id_with_two_checks_naming_both_places()
        {
            // Given requirement r on recall in a.yaml and on precision in b.yaml
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Recall("a", "{ min: 0.8 }"));
            folder.Write("b.yaml", Recall("b", "{ min: 0.8 }").Replace("performance.recall", "performance.precision", StringComparison.Ordinal));

            // When resolved / Then the error is at b's check and names a's
            var error = folder.ResolveFails(Policies.Classification, "a.yaml", "b.yaml");
            Assert.Equal(
                ["b.yaml:8:12: requirement 'r' uses check 'performance.precision' here but check 'performance.recall' in a.yaml:8; a requirement id must name the same check in every policy"],
                error.Diagnostics.Select(d => d.ToString()));
        }

        [Fact]
        public void Should_refuse_contradicting_thresholds_from_different_policies()
        {
            // Given a floor of 0.9 in a.yaml and a ceiling of 0.8 in b.yaml
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Recall("a", "{ min: 0.9 }"));
            folder.Write("b.yaml", Recall("b", "{ max: 0.8 }"));

            // When resolved / Then it says no model could pass, with both places
            var error = folder.ResolveFails(Policies.Classification, "a.yaml", "b.yaml");
            Assert.Equal(
                ["b.yaml:9:18: requirement 'r': the strictest min 0.9 (a.yaml:9) is greater than the strictest max 0.8 (b.yaml:9); no measurement could pass"],
                error.Diagnostics.Select(d => d.ToString()));
        }
    }
}
