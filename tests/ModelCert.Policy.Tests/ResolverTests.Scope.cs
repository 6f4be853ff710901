using ModelCert.Core;
using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed partial class ResolverTests
{
    public sealed class Scope
    {
        private static string Scoped(string scope, string requirementScope = "") => Policies.With($$"""
            scope: {{scope}}
            requirements:
              - id: r1
                check: performance.accuracy
                threshold: { min: 0.5 }
                {{requirementScope}}

            """);

        [Fact]
        public void Should_leave_out_a_requirement_for_another_task_with_the_reason()
        {
            // Given a requirement scoped to regression
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Scoped("{}", "scope: { tasks: [regression] }"));

            // When a classification model is resolved
            var resolved = folder.Resolve(Policies.Classification, "p.yaml");

            // Then it is out of scope, with who declared it and why
            Assert.Empty(resolved.Requirements);
            var skipped = Assert.Single(resolved.OutOfScope);
            Assert.Equal(("r1", "performance.accuracy"), (skipped.Id, skipped.Check));
            Assert.Equal(new PolicyOrigin("p", "1.0.0", "p.yaml", 8), skipped.DeclaredBy);
            Assert.Equal("requirement 'r1' applies to tasks [regression], not 'binary_classification'", skipped.Reason);
        }

        [Theory]
        [InlineData("high", true)]
        [InlineData("limited", false)]
        [InlineData(null, true)]
        public void Should_filter_by_risk_tier_and_match_an_unknown_tier(string? tier, bool applies)
        {
            // Given a policy scoped to high-risk models
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Scoped("{ risk_tiers: [high] }"));

            // When it is resolved for a tier (or none)
            var resolved = folder.Resolve(Policies.Classification with { RiskTier = tier }, "p.yaml");

            // Then it applies to high and to an unstated tier, not to limited
            Assert.True(applies == (resolved.Requirements.Count == 1), $"tier {tier ?? "null"}: {resolved.Requirements.Count} requirements");
            if (!applies)
            {
                Assert.Equal("policy 'p' applies to risk tiers [high], not 'limited'", Assert.Single(resolved.OutOfScope).Reason);
            }
        }

        [Theory]
        [InlineData("[US]", "US", true)]
        [InlineData("[US]", "us", true)]
        [InlineData("[US]", "US-NY", true)]
        [InlineData("[US-NY]", "US", false)]
        [InlineData("[US-NY]", "US-NYC", false)]
        [InlineData("[EU, US-NY]", "US-NY", true)]
        [InlineData("[EU]", null, true)]
        [InlineData("[]", "BR", true)]
        public void Should_match_jurisdictions_and_their_sub_jurisdictions(string scope, string? jurisdiction, bool applies)
        {
            // Given a policy scoped to some jurisdictions
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Scoped($"{{ jurisdictions: {scope} }}"));

            // When it is resolved for a jurisdiction (or none)
            var resolved = folder.Resolve(Policies.Classification with { Jurisdiction = jurisdiction }, "p.yaml");

            // Then a scope covers itself and what lies under it, case-insensitively; no jurisdiction matches all
            Assert.True(applies == (resolved.Requirements.Count == 1), $"scope {scope}, jurisdiction {jurisdiction ?? "null"}");
        }

        [Fact]
        public void Should_carry_a_policy_scope_to_what_it_extends()
        {
            // Given an EU policy extending four-fifths
            using var folder = new PolicyFolder();
            folder.Write("eu.yaml", Policies.With("scope: { jurisdictions: [EU] }\nextends: [builtin:four-fifths]\n", "eu"));

            // When a US model is resolved against it, alone and together with four-fifths itself
            var alone = folder.Resolve(Policies.Classification, "eu.yaml");
            var both = folder.Resolve(Policies.Classification, "eu.yaml", "builtin:four-fifths");

            // Then alone, the pack is out of scope through the EU policy; named directly, it applies
            Assert.Empty(alone.Requirements);
            Assert.Equal("policy 'eu' applies to jurisdictions [EU], not 'US'", Assert.Single(alone.OutOfScope).Reason);
            Assert.Equal("four-fifths.selection-rate-ratio", Assert.Single(both.Requirements).Id);
            Assert.Empty(both.OutOfScope);
        }

        [Fact]
        public void Should_merge_only_declarations_in_scope()
        {
            // Given the same requirement in a regression-only policy (stricter) and an unscoped one
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Policies.One(name: "a", min: 0.5));
            folder.Write("b.yaml", Policies.One(name: "b", min: 0.9) + "scope: { tasks: [regression] }\n");

            // When a classification model is resolved
            var requirement = Assert.Single(folder.Resolve(Policies.Classification, "a.yaml", "b.yaml").Requirements);

            // Then the out-of-scope declaration neither tightens nor is listed
            Assert.Equal(0.5, requirement.Threshold.Min);
            Assert.Equal(["a"], requirement.DeclaredBy.Select(d => d.Name));
        }

        [Theory]
        [InlineData("classification", null)]
        [InlineData("binary_classification", "severe")]
        public void Should_refuse_an_unknown_task_or_risk_tier(string task, string? tier)
        {
            // Given a context with an unknown task or tier
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One());

            // When it is resolved / Then it is an input error listing the choices
            var error = Assert.Throws<InputException>(() => folder.Resolve(new SubmissionContext(task, tier, null), "p.yaml"));
            Assert.Contains("expected one of", error.Message, StringComparison.Ordinal);
        }
    }
}
