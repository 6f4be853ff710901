using ModelCert.Core.Checks.Compliance;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.Compliance;

public sealed class InputsCheckTests
{
    private const string Id = "compliance.inputs";

    private static EvaluationData Data(params string[] inputs) => new()
    {
        Task = ModelTask.BinaryClassification,
        Test = Of(Numbers("x", 1)),
        FeatureColumns = inputs,
        Attributes = [new ProtectedAttribute("Sex", [0], ["F"]), new ProtectedAttribute("Race", [0], ["A"]), new ProtectedAttribute("Sex|Race", [0], ["F|A"])],
    };

    private static CheckResult Run(EvaluationData data, RequirementParameters? parameters = null) =>
        Expect.Single(new InputsCheck().Evaluate(data, ComplianceTestData.NoProblems(Id, parameters)), "inputs");

    public sealed class Evaluate
    {
        [Fact]
        public void Should_prohibit_the_protected_attributes_by_default_matching_names_loosely()
        {
            // Given a model reading 'sex' and 'income' while 'Sex' and 'Race' are protected
            var result = Run(Data("income", "sex", "marital-status"));

            // Then 'sex' is the one prohibited input
            Expect.Outcome(Outcome.Fail, result, "protected attribute as input");
            Expect.Value(1, result, "one bad input");
            Expect.Sequence(["sex"], Expect.Detail<List<string>>(result, "prohibited_inputs", "prohibited"), "named");
            Expect.Equal("the protected attributes", Expect.Detail<string>(result, "prohibited_from", "source"), "where the list came from");
        }

        [Fact]
        public void Should_require_inputs_among_the_approved_features_and_name_the_others()
        {
            // Given an approved list spelled differently from the data columns (case, punctuation)
            var parameters = ComplianceTestData.Parameters(("prohibited", new[] { "zip" }), ("approved", new[] { "Income", "marital_status" }));

            // When a model reads income, marital-status, zip and age
            var result = Run(Data("income", "marital-status", "ZIP", "age"), parameters);

            // Then ZIP is prohibited, age is unapproved, and the rest match
            Expect.Value(2, result, "two bad inputs");
            Expect.Sequence(["ZIP"], Expect.Detail<List<string>>(result, "prohibited_inputs", "prohibited"), "prohibited");
            Expect.Sequence(["age"], Expect.Detail<List<string>>(result, "unapproved_inputs", "unapproved"), "unapproved");
            Expect.Contains("inputs not among the approved features: age", result.Message, "message names it");
        }

        [Fact]
        public void Should_pass_clean_inputs_and_skip_when_the_inputs_are_unknown()
        {
            // Given clean inputs, and predictions mode without a feature list
            var clean = Run(Data("income", "age"));
            var unknown = Run(Data());

            // Then the first passes and the second is skipped with the reason
            Expect.Outcome(Outcome.Pass, clean, "clean");
            Expect.Outcome(Outcome.Skipped, unknown, "unknown inputs");
            Expect.Contains("predictions mode without --features", unknown.Message, "reason");
        }
    }
}
