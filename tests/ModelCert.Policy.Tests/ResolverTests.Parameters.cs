using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>Parameters: a child overrides what it extends; independent policies must agree.</summary>
public sealed partial class ResolverTests
{
    private const string RatioId = "four-fifths.selection-rate-ratio";

    /// <summary>A policy redeclaring the four-fifths requirement (from line 7) with <paramref name="parameters"/> on line 9.</summary>
    private static string Ratio(string name, string parameters, string extends = "") => Policies.With(
        (extends.Length > 0 ? $"extends: [{extends}]\n" : string.Empty) + $$"""
        requirements:
          - id: {{RatioId}}
            params: {{parameters}}
            check: fairness.demographic-parity-ratio
            threshold: { min: 0.8 }

        """,
        name);

    public sealed class Parameters
    {
        [Fact]
        public void Should_let_an_extending_policy_override_its_parent()
        {
            // Given a child of four-fifths (attributes all, no intersections) narrowing the attributes
            using var folder = new PolicyFolder();
            folder.Write("child.yaml", Ratio("child", "{ attributes: [sex] }", "builtin:four-fifths"));

            // When resolved
            var r = Assert.Single(folder.Resolve(Policies.Classification, "child.yaml").Requirements);

            // Then the child's attributes apply and the parent's intersections setting stays
            Assert.Equal(["sex"], r.Parameters.Attributes);
            Assert.False(r.Parameters.Intersections, "intersections from four-fifths");
        }

        [Fact]
        public void Should_refuse_independent_policies_that_disagree_naming_both()
        {
            // Given two policies given side by side that set different attributes
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Ratio("a", "{ attributes: [sex] }"));
            folder.Write("b.yaml", Ratio("b", "{ attributes: [race], min_group_size: 10 }"));

            // When resolved
            var error = folder.ResolveFails(Policies.Classification, "a.yaml", "b.yaml");

            // Then the conflict names both places; the parameter only one sets is no conflict
            Assert.Equal(
                [
                    "b.yaml:8:15: requirement 'four-fifths.selection-rate-ratio': parameter 'attributes' is [race] here but [sex] in a.yaml:8;"
                    + " policies that do not extend one another must agree (or a policy extending both must set it)",
                ],
                error.Diagnostics.Select(d => d.ToString()));
        }

        [Fact]
        public void Should_accept_independent_policies_that_agree()
        {
            // Given a policy that sets the same parameters as four-fifths, side by side with it
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Ratio("a", "{ attributes: all, intersections: false, min_group_size: 40 }"));

            // When resolved / Then the values merge without conflict
            var r = Assert.Single(folder.Resolve(Policies.Classification, "a.yaml", "builtin:four-fifths").Requirements);
            Assert.Equal((null, false, 40), (r.Parameters.Attributes, r.Parameters.Intersections, r.Parameters.MinGroupSize));
        }

        [Fact]
        public void Should_settle_a_diamond_only_when_the_policy_below_sets_the_value()
        {
            // Given left and right disagreeing on privileged, both extended by top (which may settle it)
            using var folder = new PolicyFolder();
            folder.Write("left.yaml", Ratio("left", "{ privileged: { sex: Male } }"));
            folder.Write("right.yaml", Ratio("right", "{ privileged: { sex: Female } }"));
            folder.Write("open.yaml", Policies.With("extends: [left.yaml, right.yaml]\n", "open"));
            folder.Write("settled.yaml", Ratio("settled", "{ privileged: { sex: Male, race: White } }", "left.yaml, right.yaml"));

            // When each top is resolved
            var open = folder.ResolveFails(Policies.Classification, "open.yaml");
            var settled = Assert.Single(folder.Resolve(Policies.Classification, "settled.yaml").Requirements);

            // Then without a decision below it is a conflict; with one, that one applies
            Assert.Contains("parameter 'privileged' is {sex: Female} here but {sex: Male} in left.yaml:8", Assert.Single(open.Diagnostics).Message, StringComparison.Ordinal);
            Assert.Equal(2, settled.Parameters.Privileged.Count);
        }
    }
}
