using ModelCert.Core.Checks.Compliance;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.Compliance;

public sealed class ModelCardCheckTests
{
    private const string Id = "compliance.model-card";

    private static EvaluationData Data(ModelCardFields card, string? tier, bool measured = true)
    {
        var frame = Of(Numbers("x", 0.1, 0.9));
        return new EvaluationData
        {
            Task = ModelTask.BinaryClassification,
            Test = frame,
            Truth = measured ? [false, true] : null,
            Scores = [0.1, 0.9],
            Predicted = [false, true],
            Card = card,
            RiskTier = tier,
        };
    }

    private static CheckResult Run(EvaluationData data, RequirementParameters? parameters = null) =>
        Expect.Single(new ModelCardCheck().Evaluate(data, ComplianceTestData.NoProblems(Id, parameters)), "model card");

    public sealed class Evaluate
    {
        [Fact]
        public void Should_pass_a_full_card_with_measured_metrics_without_a_minimum_sample()
        {
            // Given every card field and labels with scores (so metrics were measured), for a high-risk model
            var data = Data(ComplianceTestData.FullCard, "high");

            // When the card is checked against a requirement with min_sample 30
            var result = Run(data);

            // Then nothing is missing and the count decides, not the sample size
            Expect.Outcome(Outcome.Pass, result, "full card");
            Expect.Value(0, result, "missing fields");
            Expect.Equal(9, Expect.Detail<List<string>>(result, "required", "required").Count, "high risk requires all nine fields");
        }

        [Fact]
        public void Should_count_blank_fields_and_unmeasured_metrics_as_missing()
        {
            // Given a card whose owner is blank and contact absent, and no labels (so no metrics)
            var card = ComplianceTestData.FullCard with { Owner = "  ", Contact = null };
            var data = Data(card, "high", measured: false);

            // When the card is checked
            var result = Run(data);

            // Then three fields are missing and named
            Expect.Outcome(Outcome.Fail, result, "incomplete card");
            Expect.Value(3, result, "missing fields");
            Expect.Sequence(["metrics", "owner", "contact"], Expect.Detail<List<string>>(result, "missing", "missing"), "missing fields in Annex IV order");
            Expect.Contains("missing: metrics, owner, contact", result.Message, "message names them");
        }

        [Fact]
        public void Should_require_fewer_fields_for_lower_tiers_and_all_when_the_tier_is_unstated()
        {
            // Given a card with only intended use, owner and contact
            var card = ModelCardFields.Empty with { IntendedUse = "Screening", Owner = "Team", Contact = "team@x.example" };

            // When it is checked for a minimal, a limited, and an unstated risk tier
            var minimal = Run(Data(card, "minimal"));
            var limited = Run(Data(card, "limited"));
            var unstated = Run(Data(card, null));

            // Then minimal passes, limited misses two fields, unstated is held to the high-risk list
            Expect.Value(0, minimal, "minimal tier");
            Expect.Sequence(["out_of_scope_uses", "limitations"], Expect.Detail<List<string>>(limited, "missing", "limited"), "limited tier");
            Expect.Value(5, unstated, "unstated tier uses the high-risk list (metrics are measured)");
            Expect.Contains("risk tier not stated", unstated.Message, "message says why");
        }

        [Fact]
        public void Should_take_the_fields_parameter_over_the_tier_and_refuse_unknown_names()
        {
            // Given an empty card
            var data = Data(ModelCardFields.Empty, "high");

            // When only the owner is required (spelled loosely), and when an unknown field is named
            var owner = Run(data, ComplianceTestData.Parameters(("fields", new[] { "Owner" })));
            var unknown = Run(data, ComplianceTestData.Parameters(("fields", new[] { "owner", "sponsor" })));

            // Then one field is missing, and the unknown name is an error listing the valid ones
            Expect.Value(1, owner, "only the owner");
            Expect.Outcome(Outcome.Error, unknown, "unknown field");
            Expect.Contains("unknown model-card fields 'sponsor'; valid: intended_use", unknown.Message, "names the field and the valid ones");
        }
    }
}
