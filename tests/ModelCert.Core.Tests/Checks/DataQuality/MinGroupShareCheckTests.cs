using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.DataQuality;

public sealed class MinGroupShareCheckTests
{
    private const string Id = "data-quality.min-group-share";

    private static readonly ProtectedAttribute Sex = new("sex", [0, 0, 0, 1, -1, 0], ["F", "M"]);
    private static readonly ProtectedAttribute Race = new("race", [0, 1, 0, 1, 0, 1], ["A", "B"]);
    private static readonly ProtectedAttribute SexRace = new("sex|race", [0, 1, 0, 3, -1, 1], ["F|A", "F|B", "M|A", "M|B"]);

    private static IReadOnlyList<CheckResult> Run(RequirementParameters? parameters = null, IReadOnlyList<ProtectedAttribute>? attributes = null, int rows = 6)
    {
        var frame = Of(Numbers("x", [.. Enumerable.Repeat<double?>(1, rows)]));
        var data = TestRequirements.Data(frame, attributes: attributes ?? [Sex, Race, SexRace]);
        return new MinGroupShareCheck().Evaluate(data, TestRequirements.AtLeast(Id, 0.02, parameters));
    }

    public sealed class Evaluate
    {
        [Fact]
        public void Should_measure_the_smallest_group_without_the_missing_rows()
        {
            // Given sex with F x4, M x1 and one missing value
            // When group shares are measured for sex alone
            var result = Expect.Single(Run(new RequirementParameters { Attributes = ["sex"] }), "sex only");

            // Then M has 1 of the 5 known rows, the missing row is counted aside, and the result names the attribute
            Expect.Proportion(1, 5, result, "smallest share");
            Expect.Equal("sex", result.Attribute, "attribute");
            Expect.Equal("M", Expect.Detail<string>(result, "smallest_group", "smallest"), "smallest group");
            Expect.Equal(1L, Expect.Detail<long>(result, "missing_rows", "missing"), "missing rows");
            Expect.Contains("left out: 1 row with a missing value", result.Message, "message counts the missing row");
            var groups = Expect.Detail<List<GroupShare>>(result, "groups", "groups");
            Expect.Sequence([new GroupShare("M", 1, 0.2), new GroupShare("F", 4, 0.8)], groups, "groups smallest first");
        }

        [Fact]
        public void Should_give_one_result_per_attribute_with_intersections_by_default()
        {
            // Given sex, race and sex|race
            // When group shares are measured with no filter
            var results = Run();

            // Then there is one result each, and the intersection lists its empty group
            Expect.Sequence(["sex", "race", "sex|race"], results.Select(r => r.Attribute), "attributes");
            var intersection = results[2];
            Expect.Proportion(1, 5, intersection, "M|B is 1 of 5");
            Expect.Sequence(["M|A"], Expect.Detail<List<string>>(intersection, "empty_groups", "empty"), "empty groups listed");
            Expect.Contains("groups with no rows: M|A", intersection.Message, "message names the empty group");
        }

        [Fact]
        public void Should_leave_out_intersections_when_turned_off()
        {
            // Given sex, race and sex|race
            // When intersections are off
            var results = Run(new RequirementParameters { Intersections = false });

            // Then only the single attributes are measured
            Expect.Sequence(["sex", "race"], results.Select(r => r.Attribute), "no intersections");
        }

        [Fact]
        public void Should_filter_attributes_case_insensitively_and_add_their_intersections()
        {
            // Given a filter naming SEX and Race
            // When group shares are measured
            var results = Run(new RequirementParameters { Attributes = ["SEX", "Race"] });

            // Then both are measured under their own names, plus their intersection
            Expect.Sequence(["sex", "race", "sex|race"], results.Select(r => r.Attribute), "filtered");
            Expect.Sequence([true, true, true], results.Select(r => r.Value.HasValue), "all three measured");
        }

        [Fact]
        public void Should_not_add_intersections_of_unlisted_attributes()
        {
            // Given a filter naming sex only
            // When group shares are measured
            var results = Run(new RequirementParameters { Attributes = ["sex"] });

            // Then sex|race is not measured
            Expect.Sequence(["sex"], results.Select(r => r.Attribute), "sex only");
        }

        [Fact]
        public void Should_skip_a_listed_attribute_the_submission_lacks()
        {
            // Given a filter naming age, which the submission does not have
            // When group shares are measured
            var results = Run(new RequirementParameters { Attributes = ["age", "sex"] });

            // Then age is skipped naming the available attributes, and sex is measured
            Expect.Sequence(["age", "sex"], results.Select(r => r.Attribute), "listed order");
            Expect.Outcome(Outcome.Skipped, results[0], "unknown attribute");
            Expect.Contains("no protected attribute 'age'; it has 'sex', 'race', 'sex|race'", results[0].Message, "available named");
            Expect.Outcome(Outcome.Pass, results[1], "sex: the interval of 1/5 (low end 0.036) clears 0.02");
        }

        [Fact]
        public void Should_skip_a_listed_intersection_when_intersections_are_off()
        {
            // Given a filter naming sex|race while intersections are off
            // When group shares are measured
            var result = Expect.Single(Run(new RequirementParameters { Attributes = ["sex|race"], Intersections = false }), "one");

            // Then it is skipped with the reason
            Expect.Outcome(Outcome.Skipped, result, "intersection off");
            Expect.Contains("intersections: false", result.Message, "reason");
        }

        [Fact]
        public void Should_skip_without_protected_attributes()
        {
            // Given no protected attributes
            // When group shares are measured
            var result = Expect.Single(Run(attributes: []), "one");

            // Then the check is skipped
            Expect.Outcome(Outcome.Skipped, result, "no attributes");
        }

        [Fact]
        public void Should_fail_a_tiny_group_in_a_large_sample()
        {
            // Given 10 000 rows of which 20 are in group B
            var codes = Enumerable.Range(0, 10_000).Select(i => i < 20 ? 1 : 0).ToArray();
            var attribute = new ProtectedAttribute("group", codes, ["A", "B"]);

            // When the smallest share is held to at least 0.02
            var result = Expect.Single(Run(attributes: [attribute], rows: 10_000), "one");

            // Then 0.002 fails clearly
            Expect.Proportion(20, 10_000, result, "share");
            Expect.Outcome(Outcome.Fail, result, "tiny group");
        }

        [Fact]
        public void Should_give_errors_not_exceptions_for_bad_codes_and_empty_frames()
        {
            // Given a code beyond the group list, and an attribute over a frame with no rows
            var bad = new ProtectedAttribute("bad", [0, 5, 0, 0, 0, 0], ["A"]);
            var empty = new ProtectedAttribute("sex", [], ["F"]);

            // When group shares are measured
            var badResult = Expect.Single(Run(attributes: [bad]), "bad codes");
            var emptyResult = Expect.Single(Run(attributes: [empty], rows: 0), "empty frame");

            // Then both are errors naming the attribute
            Expect.Outcome(Outcome.Error, badResult, "bad code");
            Expect.Contains("group code 5 at row 1", badResult.Message, "where");
            Expect.Outcome(Outcome.Error, emptyResult, "no rows");
            Expect.Equal("sex", emptyResult.Attribute, "attribute named");
        }
    }
}
