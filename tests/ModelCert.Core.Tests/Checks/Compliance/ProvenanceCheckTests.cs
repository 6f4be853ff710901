using ModelCert.Core.Checks.Compliance;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.Compliance;

public sealed class ProvenanceCheckTests
{
    private const string Id = "compliance.provenance";

    private static readonly DataProvenance Declared = new("Core banking system", "2019-01 to 2023-12", "GDPR Art. 6(1)(f)", null, new DateOnly(2030, 12, 31));

    private static CheckResult Run(DataProvenance provenance, TimeProvider time, RequirementParameters? parameters = null)
    {
        var data = new EvaluationData { Task = ModelTask.BinaryClassification, Test = Of(Numbers("x", 1)), Provenance = provenance, Time = time };
        return Expect.Single(new ProvenanceCheck().Evaluate(data, ComplianceTestData.NoProblems(Id, parameters)), "provenance");
    }

    public sealed class Evaluate
    {
        [Fact]
        public void Should_pass_while_the_retention_date_has_not_passed()
        {
            // Given full provenance kept until 2030-12-31 / When checked on that very day and the day before
            var onTheDay = Run(Declared, FixedTime.On(2030, 12, 31));
            var before = Run(Declared, FixedTime.On(2025, 6, 1));

            // Then both pass: data may be held through its retention date
            Expect.Outcome(Outcome.Pass, onTheDay, "on the retention date");
            Expect.Outcome(Outcome.Pass, before, "before it");
            Expect.Equal("2030-12-31", Expect.Detail<string>(onTheDay, "today", "today from the injected clock"), "today");
        }

        [Fact]
        public void Should_fail_once_the_retention_date_has_passed()
        {
            // Given the same provenance / When checked the day after the retention date
            var result = Run(Declared, FixedTime.On(2031, 1, 1));

            // Then one problem: the date has passed, by one day
            Expect.Outcome(Outcome.Fail, result, "retention passed");
            Expect.Value(1, result, "one problem");
            Expect.Contains("the retention date 2030-12-31 has passed (today is 2031-01-01, 1 days later)", result.Message, "says by how much");
        }

        [Fact]
        public void Should_count_each_undeclared_field()
        {
            // Given provenance with only a source / When checked
            var result = Run(new DataProvenance("CRM export", null, " ", null, null), FixedTime.On(2025, 1, 1));

            // Then collection period, legal basis (blank) and retention date are each a problem
            Expect.Value(3, result, "three problems");
            Expect.Sequence(
                ["collection_period is not declared", "legal_basis is not declared", "retention_until is not declared"],
                Expect.Detail<List<string>>(result, "problems", "problems"),
                "problems named");
        }

        [Fact]
        public void Should_require_the_consent_column_when_the_fields_parameter_names_it()
        {
            // Given full provenance without a consent column / When the policy requires the consent column too
            var result = Run(Declared, FixedTime.On(2025, 1, 1), ComplianceTestData.Parameters(("fields", new[] { "source", "consent_column" })));

            // Then the missing consent column is the one problem
            Expect.Value(1, result, "one problem");
            Expect.Contains("consent_column is not declared", result.Message, "named");
        }
    }
}
