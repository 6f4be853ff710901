using ModelCert.Core.Requirements;
using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>Strictest wins, with provenance, across independent policies and along extends.</summary>
public sealed partial class ResolverTests
{
    /// <summary>Requirement "r" on recall from line 7; <paramref name="fields"/> are extra requirement lines from line 9.</summary>
    private static string Recall(string name, string threshold, string fields = "", string extends = "") => Policies.With(
        (extends.Length > 0 ? $"extends: [{extends}]\n" : string.Empty) + $$"""
        requirements:
          - id: r
            check: performance.recall
            threshold: {{threshold}}
        {{fields}}

        """,
        name);

    public sealed class StrictestWins
    {
        [Fact]
        public void Should_take_the_strictest_of_each_field_across_two_policies()
        {
            // Given two independent policies declaring requirement r differently
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Recall("a", "{ min: 0.8 }", "    on_fail: warn\n    on_uncertain: fail\n    confidence: 0.9\n    min_sample: 50"));
            folder.Write("b.yaml", Recall("b", "{ min: 0.85, max: 0.99 }", "    on_fail: review\n    on_uncertain: pass\n    confidence: 0.99\n    min_sample: 20"));

            // When both are resolved together
            var r = Assert.Single(folder.Resolve(Policies.Classification, "a.yaml", "b.yaml").Requirements);

            // Then each field is the strictest and each threshold side names who set it, at the line of min/max
            Assert.Equal(new Threshold(0.85, 0.99), r.Threshold);
            Assert.Equal(new PolicyOrigin("b", "1.0.0", "b.yaml", 9), r.MinSetBy);
            Assert.Equal(new PolicyOrigin("b", "1.0.0", "b.yaml", 9), r.MaxSetBy);
            Assert.Equal((FailAction.Review, UncertainAction.Fail, 0.99, 50), (r.OnFail, r.OnUncertain, r.Confidence, r.MinSample));
            Assert.Equal([new PolicyOrigin("a", "1.0.0", "a.yaml", 7), new PolicyOrigin("b", "1.0.0", "b.yaml", 7)], r.DeclaredBy);
        }

        [Fact]
        public void Should_take_the_larger_min_and_the_smaller_max_from_different_policies()
        {
            // Given a floor in one policy, a ceiling and a looser floor in the other
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Recall("a", "{ min: 0.7 }"));
            folder.Write("b.yaml", Recall("b", "{ min: 0.6, max: 0.95 }"));

            // When resolved
            var r = Assert.Single(folder.Resolve(Policies.Classification, "b.yaml", "a.yaml").Requirements);

            // Then min comes from a, max from b
            Assert.Equal(new Threshold(0.7, 0.95), r.Threshold);
            Assert.Equal("a.yaml", r.MinSetBy!.Origin);
            Assert.Equal("b.yaml", r.MaxSetBy!.Origin);
        }

        [Fact]
        public void Should_not_let_an_extending_policy_loosen_a_threshold()
        {
            // Given a policy extending four-fifths that lowers its floor to 0.7, and one that raises it to 0.9
            using var folder = new PolicyFolder();
            var id = "four-fifths.selection-rate-ratio";
            folder.Write("loose.yaml", Policies.With($"extends: [builtin:four-fifths]\nrequirements:\n  - id: {id}\n    check: fairness.demographic-parity-ratio\n    threshold: {{ min: 0.7 }}\n", "loose"));
            folder.Write("tight.yaml", Policies.With($"extends: [builtin:four-fifths]\nrequirements:\n  - id: {id}\n    check: fairness.demographic-parity-ratio\n    threshold: {{ min: 0.9 }}\n", "tight"));

            // When each is resolved
            var loose = Assert.Single(folder.Resolve(Policies.Classification, "loose.yaml").Requirements);
            var tight = Assert.Single(folder.Resolve(Policies.Classification, "tight.yaml").Requirements);

            // Then the pack's 0.8 stands against the looser child, and the stricter child sets 0.9
            Assert.Equal((0.8, "builtin:four-fifths"), (loose.Threshold.Min, loose.MinSetBy!.Origin));
            Assert.Equal((0.9, "tight.yaml", 10), (tight.Threshold.Min, tight.MinSetBy!.Origin, tight.MinSetBy.Line));
            Assert.Equal(["four-fifths", "tight"], tight.DeclaredBy.Select(d => d.Name));
        }

        [Fact]
        public void Should_credit_a_tie_to_the_most_specific_policy()
        {
            // Given a child repeating its parent's threshold, and two independent policies with the same one
            using var folder = new PolicyFolder();
            folder.Write("parent.yaml", Recall("parent", "{ min: 0.8 }"));
            folder.Write("child.yaml", Recall("child", "{ min: 0.8 }", extends: "parent.yaml"));
            folder.Write("other.yaml", Recall("other", "{ min: 0.8 }"));

            // When resolved
            var chain = Assert.Single(folder.Resolve(Policies.Classification, "child.yaml").Requirements);
            var pair = Assert.Single(folder.Resolve(Policies.Classification, "other.yaml", "child.yaml").Requirements);

            // Then the child is credited over its parent, and the first reference over later ones
            Assert.Equal("child", chain.MinSetBy!.Name);
            Assert.Equal("other", pair.MinSetBy!.Name);
        }

        [Fact]
        public void Should_fill_unset_fields_from_policy_defaults_then_built_in_defaults()
        {
            // Given one policy with defaults and one without
            using var folder = new PolicyFolder();
            folder.Write("d.yaml", Policies.One(name: "d", id: "with") + "defaults: { confidence: 0.9, min_sample: 100, on_fail: warn, on_uncertain: pass }\n");
            folder.Write("n.yaml", Policies.One(name: "n", id: "without"));

            // When both are resolved
            var requirements = folder.Resolve(Policies.Classification, "d.yaml", "n.yaml").Requirements;

            // Then the first takes its policy's defaults, the second the built-in ones
            var with = requirements.Single(r => r.Id == "with");
            var without = requirements.Single(r => r.Id == "without");
            Assert.Equal((0.9, 100, FailAction.Warn, UncertainAction.Pass), (with.Confidence, with.MinSample, with.OnFail, with.OnUncertain));
            Assert.Equal((0.95, 30, FailAction.Block, UncertainAction.Review), (without.Confidence, without.MinSample, without.OnFail, without.OnUncertain));
        }

        [Fact]
        public void Should_take_texts_from_the_most_specific_and_join_references()
        {
            // Given a parent and a child with titles, rationales and references
            using var folder = new PolicyFolder();
            folder.Write("parent.yaml", Recall("parent", "{ min: 0.8 }", "    title: Parent title\n    rationale: parent why\n    remediation: parent fix\n    references: [A, B]"));
            folder.Write("child.yaml", Recall("child", "{ min: 0.8 }", "    title: Child title\n    references: [C, A]", extends: "parent.yaml"));

            // When resolved
            var r = Assert.Single(folder.Resolve(Policies.Classification, "child.yaml").Requirements);

            // Then the child's title wins, the parent's texts fill the gaps, references are the union (child first)
            Assert.Equal(("Child title", "parent why", "parent fix"), (r.Title, r.Rationale, r.Remediation));
            Assert.Equal(["C", "A", "B"], r.References);
        }

        [Fact]
        public void Should_use_the_check_title_when_no_policy_gives_one()
        {
            // Given a requirement without a title / When resolved / Then the catalog's title is used
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One(check: "performance.roc-auc"));
            Assert.Equal("ROC AUC", Assert.Single(folder.Resolve(Policies.Classification, "p.yaml").Requirements).Title);
        }
    }
}
