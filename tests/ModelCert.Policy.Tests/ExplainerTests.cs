using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed class ExplainerTests
{
    public sealed class Explain
    {
        [Fact]
        public void Should_say_who_set_each_threshold_and_who_else_declared_it()
        {
            // Given lending.yaml extending four-fifths and raising its floor to 0.85 (min on line 10)
            using var folder = new PolicyFolder();
            folder.Write("lending.yaml", Policies.With("""
                extends: [builtin:four-fifths]
                requirements:
                  - id: four-fifths.selection-rate-ratio
                    check: fairness.demographic-parity-ratio
                    threshold: { min: 0.85 }

                """, "lending-fairness").Replace("version: 1.0.0", "version: 1.2.0", StringComparison.Ordinal));

            // When the resolution is explained
            var text = PolicyExplainer.Explain(folder.Resolve(Policies.Classification, "lending.yaml"));

            // Then the provenance line names the setter with file and line, and the pack as also declaring it
            Assert.Contains(
                "min 0.85 set by lending-fairness 1.2.0 (lending.yaml:10), also declared by four-fifths 1.0.0 (builtin:four-fifths)",
                text,
                StringComparison.Ordinal);
            Assert.Contains("  four-fifths.selection-rate-ratio: Every group's selection rate is at least four-fifths of the highest group's\n", text, StringComparison.Ordinal);
            Assert.Contains("check fairness.demographic-parity-ratio (attributes all; without intersections); threshold at least 0.85", text, StringComparison.Ordinal);
            Assert.Contains("on fail block; when uncertain review; confidence 0.95; min sample 30", text, StringComparison.Ordinal);
            Assert.Contains("29 CFR 1607.4(D)", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_name_both_setters_when_min_and_max_come_from_different_policies()
        {
            // Given a floor from a.yaml and a ceiling from b.yaml
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Policies.One(name: "a", check: "performance.recall", min: 0.7));
            folder.Write("b.yaml", Policies.One(name: "b", check: "performance.recall", min: 0.6) + "      max: 0.99\n");

            // When explained
            var text = PolicyExplainer.Explain(folder.Resolve(Policies.Classification, "a.yaml", "b.yaml"));

            // Then each side has its setter and there is no "also declared by"
            Assert.Contains("threshold between 0.7 and 0.99", text, StringComparison.Ordinal);
            Assert.Contains("min 0.7 set by a 1.0.0 (a.yaml:10); max 0.99 set by b 1.0.0 (b.yaml:11)\n", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_list_out_of_scope_requirements_with_reasons()
        {
            // Given baseline for a classification model (its r2 floor is for regression)
            var resolved = PolicyResolver.Resolve(["builtin:baseline"], Policies.Classification, ".");

            // When explained
            var text = PolicyExplainer.Explain(resolved);

            // Then the out-of-scope section names it, where it is declared and why
            Assert.Contains("\nOut of scope:\n  baseline.r2 (performance.r2), declared by baseline 1.0.0 (builtin:baseline:", text, StringComparison.Ordinal);
            Assert.Contains("requirement 'baseline.r2' applies to tasks [regression], not 'binary_classification'", text, StringComparison.Ordinal);
            Assert.StartsWith("8 requirements from 1 policy, 1 out of scope\n", text, StringComparison.Ordinal);
        }
    }
}
