using ModelCert.Core;
using ModelCert.Core.Checks;
using ModelCert.Core.Requirements;
using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed class BuiltinPackTests
{
    public static TheoryData<string> Packs => [.. BuiltinPacks.Names];

    public sealed class Names
    {
        [Fact]
        public void Should_list_the_shipped_packs_sorted()
        {
            // Given the assembly / When the names are listed / Then the three packs are there
            Assert.Equal(["baseline", "eu-ai-act-high-risk", "four-fifths", "nyc-ll144"], BuiltinPacks.Names);
        }

        [Fact]
        public void Should_refuse_an_unknown_name_listing_the_known()
        {
            // Given a name that is not a pack / When it is read / Then the error lists the builtins
            var error = Assert.Throws<InputException>(() => BuiltinPacks.ReadText("sr-11-7"));
            Assert.Equal("unknown builtin policy 'sr-11-7'; valid builtins: baseline, eu-ai-act-high-risk, four-fifths, nyc-ll144", error.Message);
        }
    }

    public sealed class EveryPack
    {
        [Theory]
        [MemberData(nameof(Packs), MemberType = typeof(BuiltinPackTests))]
        public void Should_lint_clean(string name)
        {
            // Given a shipped pack / When it is linted / Then nothing is wrong with it
            var lines = PolicyLinter.Lint("builtin:" + name).Select(d => d.ToString()).ToArray();
            Lint.Clean(lines, "builtin:" + name);
        }

        [Theory]
        [MemberData(nameof(Packs), MemberType = typeof(BuiltinPackTests))]
        public void Should_cite_explain_and_remediate_every_requirement(string name)
        {
            // Given a pack resolved with every scope matching (regression too, for the regression floors)
            var context = new SubmissionContext("binary_classification", null, null);
            var resolved = PolicyResolver.Resolve(["builtin:" + name], context, ".");
            var regression = PolicyResolver.Resolve(["builtin:" + name], context with { Task = "regression" }, ".");

            // When its requirements are looked at
            var requirements = resolved.Requirements.Concat(regression.Requirements).DistinctBy(r => r.Id).ToList();

            // Then each has references, a rationale, a remediation, and uses its check's good direction
            Assert.NotEmpty(requirements);
            Assert.All(requirements, r =>
            {
                Assert.True(r.References.Count > 0, $"{r.Id} has no references");
                Assert.False(string.IsNullOrWhiteSpace(r.Rationale), $"{r.Id} has no rationale");
                Assert.False(string.IsNullOrWhiteSpace(r.Remediation), $"{r.Id} has no remediation");
                var direction = CheckCatalog.Get(r.Check).Direction;
                Assert.True(direction == Direction.HigherIsBetter ? r.Threshold.Min is not null : r.Threshold.Max is not null, $"{r.Id} bounds the wrong side of {r.Check}");
            });
            Assert.All(resolved.Policies, p => Assert.Equal(("1.0.0", 64), (p.Version, p.Sha256.Length)));
        }
    }

    public sealed class FourFifths
    {
        [Fact]
        public void Should_ask_a_ratio_of_0_8_for_every_attribute_on_its_own()
        {
            // Given the four-fifths pack / When resolved
            var r = Assert.Single(PolicyResolver.Resolve(["builtin:four-fifths"], Policies.Classification, ".").Requirements);

            // Then it is the demographic-parity ratio, min 0.8, all attributes, no intersections, block / review
            Assert.Equal(("fairness.demographic-parity-ratio", 0.8, null, false), (r.Check, r.Threshold.Min, r.Parameters.Attributes, r.Parameters.Intersections));
            Assert.Equal((FailAction.Block, UncertainAction.Review), (r.OnFail, r.OnUncertain));
            Assert.Contains(r.References, c => c.Contains("29 CFR 1607.4(D)", StringComparison.Ordinal));
        }
    }

    public sealed class NycLocalLaw144
    {
        [Fact]
        public void Should_apply_in_new_york_with_three_impact_ratios_that_send_to_review()
        {
            // Given the NYC pack and a New York submission / When resolved
            var resolved = PolicyResolver.Resolve(["builtin:nyc-ll144"], Policies.Classification with { Jurisdiction = "US-NY" }, ".");

            // Then sex, race/ethnicity and their intersection are each checked at 0.8, failing to review, 2% share
            Assert.Equal(3, resolved.Requirements.Count);
            Assert.All(resolved.Requirements, r =>
            {
                Assert.Equal(("fairness.demographic-parity-ratio", 0.8, FailAction.Review, 0.02), (r.Check, r.Threshold.Min, r.OnFail, r.Parameters.MinGroupShare));
                Assert.Contains(r.References, c => c.Contains("6 RCNY § 5-300", StringComparison.Ordinal));
                Assert.Contains(r.References, c => c.Contains("20-870", StringComparison.Ordinal));
            });
            Assert.Equal([["sex"], ["race", "ethnicity"], ["sex", "race"]], resolved.Requirements.Select(r => r.Parameters.Attributes!.ToArray()));
            Assert.Equal([false, false, true], resolved.Requirements.Select(r => r.Parameters.Intersections));
        }

        [Fact]
        public void Should_not_apply_elsewhere()
        {
            // Given an EU submission / When resolved / Then all three are out of scope, with the reason
            var resolved = PolicyResolver.Resolve(["builtin:nyc-ll144"], Policies.Classification with { Jurisdiction = "EU" }, ".");
            Assert.Empty(resolved.Requirements);
            Assert.All(resolved.OutOfScope, o => Assert.Equal("policy 'nyc-ll144' applies to jurisdictions [US-NY], not 'EU'", o.Reason));
        }
    }

    public sealed class Baseline
    {
        [Fact]
        public void Should_pick_floors_by_task()
        {
            // Given the baseline pack / When resolved for classification and for regression
            var classification = PolicyResolver.Resolve(["builtin:baseline"], Policies.Classification, ".");
            var regression = PolicyResolver.Resolve(["builtin:baseline"], Policies.Classification with { Task = "regression" }, ".");

            // Then the classification floors apply to classification, r2 to regression, the data checks to both
            string[] data = ["data-quality.completeness", "data-quality.duplicates", "data-quality.schema", "data-quality.train-test-leakage", "data-quality.min-group-share"];
            Assert.Equal(["performance.roc-auc", "performance.accuracy", .. data, "data-quality.label-balance"], classification.Requirements.Select(r => r.Check));
            Assert.Equal([.. data, "performance.r2"], regression.Requirements.Select(r => r.Check));
            Assert.Equal(["baseline.r2"], classification.OutOfScope.Select(o => o.Id));
        }

        [Fact]
        public void Should_block_only_on_schema()
        {
            // Given the baseline pack / When resolved
            var requirements = PolicyResolver.Resolve(["builtin:baseline"], Policies.Classification, ".").Requirements;

            // Then only the schema check blocks, leakage and group share go to review, the rest warn
            Assert.Equal(["baseline.schema"], requirements.Where(r => r.OnFail == FailAction.Block).Select(r => r.Id));
            Assert.Equal(["baseline.train-test-leakage", "baseline.min-group-share"], requirements.Where(r => r.OnFail == FailAction.Review).Select(r => r.Id));
            Assert.Equal(0.0, requirements.Single(r => r.Id == "baseline.schema").Threshold.Max);
        }
    }
}
