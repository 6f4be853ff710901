using ModelCert.Core.Checks;
using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

public sealed class DataQualityChecksTests
{
    public sealed class All
    {
        [Fact]
        public void Should_hold_one_check_for_every_data_quality_id_in_the_catalog()
        {
            // Given the catalog's data-quality definitions
            var catalog = CheckCatalog.All.Where(c => c.Family == "data-quality").Select(c => c.Id);

            // When the family's checks are listed
            var ids = DataQualityChecks.All.Select(c => c.Id);

            // Then the ids are the same, in catalog order
            Expect.Sequence(catalog, ids, "data-quality check ids");
        }

        [Fact]
        public void Should_answer_empty_data_with_results_not_exceptions()
        {
            // Given a frame with columns but no rows, empty training data, labels and an attribute with no rows
            var frame = Of(Numbers("x"), Texts("s"), Flags("y"));
            var data = TestRequirements.Data(frame, train: frame, features: ["x", "s"], attributes: [new ProtectedAttribute("g", [], ["a"])], truth: [], label: "y");

            foreach (var check in DataQualityChecks.All)
            {
                // When each check runs
                var results = check.Evaluate(data, TestRequirements.AtLeast(check.Id, 0.5));

                // Then each gives at least one result, and every row-based one is an error that says there are no rows
                Assert.NotEmpty(results);
                foreach (var result in results.Where(r => r.Id != "data-quality.schema"))
                {
                    Expect.Outcome(Outcome.Error, result, check.Id);
                    Expect.Contains("has no rows", result.Message, $"{check.Id} message");
                }
            }
        }
    }
}
