using ModelCert.Core.Checks;
using ModelCert.Core.Requirements;
using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>The structure of builtin:eu-ai-act-high-risk: families, clauses, scope and parameters (not outcomes).</summary>
public sealed class EuAiActPackTests
{
    private const string Pack = "builtin:eu-ai-act-high-risk";

    private static readonly SubmissionContext HighRiskEu = new("binary_classification", "high", "EU");

    private static IReadOnlyList<ResolvedRequirement> Requirements => PolicyResolver.Resolve([Pack], HighRiskEu, ".").Requirements;

    public sealed class Structure
    {
        [Fact]
        public void Should_use_every_check_family_for_a_high_risk_eu_classifier()
        {
            // Given a high-risk EU classifier / When the pack is resolved
            var families = Requirements.Select(r => CheckCatalog.Get(r.Check).Family).Distinct().Order(StringComparer.Ordinal);

            // Then performance, fairness, data quality, robustness, explainability, security and compliance all take part
            Assert.Equal(["compliance", "data-quality", "explainability", "fairness", "performance", "robustness", "security"], families);
        }

        [Fact]
        public void Should_cite_at_least_one_eu_ai_act_clause_in_every_requirement_and_cover_the_key_clauses()
        {
            // Given the resolved requirements
            var requirements = Requirements;

            // When their references are read / Then each cites an article or Annex IV of the Act
            Assert.All(requirements, r => Assert.True(
                r.References.Any(c => c.StartsWith("EU AI Act Art. ", StringComparison.Ordinal) || c.StartsWith("EU AI Act Annex IV(", StringComparison.Ordinal)),
                $"{r.Id} cites no clause of the EU AI Act: {string.Join(" | ", r.References)}"));

            // And together they cite Articles 9, 10, 13 and 15 and Annex IV clause by clause
            string[] clauses = ["Art. 9(2)(a)", "Art. 10(2)(b)", "Art. 10(2)(f)", "Art. 10(2)(g)", "Art. 10(3)", "Art. 10(5)", "Art. 13(3)(b)(ii)", "Art. 13(3)(b)(iv)",
                "Art. 13(3)(b)(v)", "Art. 13(3)(b)(vi)", "Art. 15(1)", "Art. 15(4)", "Art. 15(5)", "Annex IV(1)(a)", "Annex IV(2)(d)", "Annex IV(2)(g)", "Annex IV(2)(h)"];
            var cited = requirements.SelectMany(r => r.References).ToList();
            Assert.All(clauses, clause => Assert.True(cited.Any(c => c.Contains(clause + " ", StringComparison.Ordinal)), $"no requirement cites {clause}"));
        }

        [Fact]
        public void Should_take_only_parameters_its_checks_accept_and_check_intersections_and_exclude_rows_without_consent()
        {
            // Given the resolved requirements / When each one's parameters are compared with its check's
            foreach (var r in Requirements)
            {
                var accepted = CheckCatalog.Get(r.Check).Parameters;
                Assert.All(r.Parameters.Values.Keys, key => Assert.True(accepted.Contains(key), $"{r.Id}: {r.Check} takes no parameter '{key}'"));
            }

            // Then the fairness requirements include intersections, and consent excludes rows without it
            Assert.All(Requirements.Where(r => r.Check.StartsWith("fairness.", StringComparison.Ordinal)), r => Assert.True(r.Parameters.Intersections, r.Id));
            Assert.Equal("exclude", Requirements.Single(r => r.Check == "compliance.consent").Parameters.Choice("on_missing", "fail"));
        }

        [Fact]
        public void Should_block_on_missing_documentation_and_send_judgment_calls_to_review()
        {
            // Given the resolved requirements / When grouped by their action on failure
            var blocking = Requirements.Where(r => r.OnFail == FailAction.Block).Select(r => r.Check).Order(StringComparer.Ordinal);

            // Then documentation, provenance, schema, model inspection and discrimination power block; fairness reviews
            Assert.Equal(["compliance.model-card", "compliance.provenance", "data-quality.schema", "performance.roc-auc", "security.model-inspection"], blocking);
            Assert.All(Requirements.Where(r => r.Check.StartsWith("fairness.", StringComparison.Ordinal)), r => Assert.Equal(FailAction.Review, r.OnFail));
        }
    }

    public sealed class Scope
    {
        [Theory]
        [InlineData("high", "US", "jurisdictions [EU], not 'US'")]
        [InlineData("limited", "EU", "risk tiers [high], not 'limited'")]
        public void Should_apply_only_to_high_risk_systems_in_the_eu(string tier, string jurisdiction, string reason)
        {
            // Given a submission outside the pack's scope / When resolved
            var resolved = PolicyResolver.Resolve([Pack], new SubmissionContext("binary_classification", tier, jurisdiction), ".");

            // Then nothing applies, and each requirement says why
            Assert.Empty(resolved.Requirements);
            Assert.All(resolved.OutOfScope, o => Assert.Contains(reason, o.Reason, StringComparison.Ordinal));
        }

        [Fact]
        public void Should_keep_the_classification_floors_out_of_regression()
        {
            // Given a high-risk EU regressor / When resolved
            var resolved = PolicyResolver.Resolve([Pack], HighRiskEu with { Task = "regression" }, ".");

            // Then ROC AUC, accuracy, calibration and label balance are out of scope, the rest applies
            Assert.Equal(
                ["eu-ai-act.data.label-balance", "eu-ai-act.performance.accuracy", "eu-ai-act.performance.calibration", "eu-ai-act.performance.roc-auc"],
                resolved.OutOfScope.Select(o => o.Id).Order(StringComparer.Ordinal));
            Assert.Contains(resolved.Requirements, r => r.Check == "compliance.model-card");
        }
    }
}
