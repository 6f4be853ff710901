using FsCheck.Fluent;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Decisions;

public sealed class DecisionTests
{
    private static Requirement Requirement(Threshold threshold, FailAction onFail, UncertainAction onUncertain) =>
        new(
            Id: "R-1",
            Title: "a requirement",
            Check: "performance.accuracy",
            Parameters: new RequirementParameters(),
            Threshold: threshold,
            Confidence: 0.95,
            OnFail: onFail,
            OnUncertain: onUncertain,
            MinSample: 1,
            References: [],
            Rationale: null,
            Remediation: null,
            Source: null);

    public sealed class Compare
    {
        [Theory]
        [InlineData(0.90, 0.85, 0.95, Decision.Side.Clears)]
        [InlineData(0.70, 0.60, 0.75, Decision.Side.Misses)]
        [InlineData(0.82, 0.75, 0.85, Decision.Side.Straddles)]
        [InlineData(0.85, 0.80, 0.90, Decision.Side.Clears)]
        [InlineData(0.70, 0.60, 0.80, Decision.Side.Straddles)]
        [InlineData(0.79, 0.70, 0.7999, Decision.Side.Misses)]
        public void Should_decide_a_floor_on_the_interval(double value, double low, double high, Decision.Side expected)
        {
            // Given a floor of 0.8 and an interval (its low end reaching the floor clears it; its high end below misses)
            // When the interval is compared with the floor
            var side = Decision.Compare(new Threshold(0.8, null), value, (low, high));

            // Then it clears, misses or straddles
            Assert.True(side == expected, $"[{low}, {high}] against >= 0.8: {side}, expected {expected}");
        }

        [Theory]
        [InlineData(0.05, 0.02, 0.08, Decision.Side.Clears)]
        [InlineData(0.20, 0.15, 0.25, Decision.Side.Misses)]
        [InlineData(0.09, 0.05, 0.15, Decision.Side.Straddles)]
        [InlineData(0.05, 0.00, 0.10, Decision.Side.Clears)]
        [InlineData(0.10, 0.10, 0.20, Decision.Side.Straddles)]
        [InlineData(0.12, 0.1001, 0.20, Decision.Side.Misses)]
        public void Should_decide_a_ceiling_on_the_interval(double value, double low, double high, Decision.Side expected)
        {
            // Given a ceiling of 0.1 and an interval (its high end at the ceiling clears it; its low end above misses)
            // When the interval is compared with the ceiling
            var side = Decision.Compare(new Threshold(null, 0.1), value, (low, high));

            // Then it clears, misses or straddles
            Assert.True(side == expected, $"[{low}, {high}] against <= 0.1: {side}, expected {expected}");
        }

        [Theory]
        [InlineData(0.85, 0.82, 0.88, Decision.Side.Clears)]
        [InlineData(0.80, 0.80, 0.90, Decision.Side.Clears)]
        [InlineData(0.70, 0.65, 0.75, Decision.Side.Misses)]
        [InlineData(0.95, 0.92, 0.97, Decision.Side.Misses)]
        [InlineData(0.80, 0.75, 0.85, Decision.Side.Straddles)]
        [InlineData(0.90, 0.85, 0.95, Decision.Side.Straddles)]
        [InlineData(0.85, 0.70, 0.99, Decision.Side.Straddles)]
        public void Should_decide_a_band_on_both_ends(double value, double low, double high, Decision.Side expected)
        {
            // Given a band from 0.8 to 0.9
            // When an interval is compared with it
            var side = Decision.Compare(new Threshold(0.8, 0.9), value, (low, high));

            // Then it clears only inside, misses wholly outside, and straddles across either end (or both)
            Assert.True(side == expected, $"[{low}, {high}] against 0.8..0.9: {side}, expected {expected}");
        }

        [Theory]
        [InlineData(0.8, null, 0.80, Decision.Side.Clears)]
        [InlineData(0.8, null, 0.79, Decision.Side.Misses)]
        [InlineData(null, 0.1, 0.10, Decision.Side.Clears)]
        [InlineData(null, 0.1, 0.11, Decision.Side.Misses)]
        [InlineData(0.8, 0.9, 0.85, Decision.Side.Clears)]
        [InlineData(0.8, 0.9, 0.95, Decision.Side.Misses)]
        [InlineData(null, null, 0.5, Decision.Side.Clears)]
        public void Should_decide_on_the_point_without_an_interval(double? min, double? max, double value, Decision.Side expected)
        {
            // Given a threshold and a value without an interval
            // When they are compared
            var side = Decision.Compare(new Threshold(min, max), value, null);

            // Then the value alone decides, never straddling; no bounds at all always clear
            Assert.True(side == expected, $"{value} against {new Threshold(min, max)}: {side}, expected {expected}");
        }

        [Fact]
        public void Should_refuse_a_missing_threshold()
        {
            // Given no threshold
            // When a value is compared
            // Then it fails
            Assert.Throws<ArgumentNullException>(() => Decision.Compare(null!, 0.5, null));
        }
    }

    public sealed class Decide
    {
        [Theory]
        [InlineData(FailAction.Block, Outcome.Fail)]
        [InlineData(FailAction.Review, Outcome.Review)]
        [InlineData(FailAction.Warn, Outcome.Warn)]
        public void Should_apply_the_fail_action_to_a_miss(FailAction onFail, Outcome expected)
        {
            foreach (var onUncertain in Enum.GetValues<UncertainAction>())
            {
                // Given a floor of 0.8 missed by the whole interval, and any uncertainty action
                var requirement = Requirement(new Threshold(0.8, null), onFail, onUncertain);

                // When it is decided
                var outcome = Decision.Decide(requirement, 0.7, (0.65, 0.75));

                // Then the fail action alone sets the outcome
                Assert.True(outcome == expected, $"miss with on_fail {onFail}, on_uncertain {onUncertain}: {outcome}, expected {expected}");
            }
        }

        [Theory]
        [InlineData(UncertainAction.Pass, FailAction.Block, Outcome.Pass)]
        [InlineData(UncertainAction.Warn, FailAction.Block, Outcome.Warn)]
        [InlineData(UncertainAction.Review, FailAction.Block, Outcome.Review)]
        [InlineData(UncertainAction.Fail, FailAction.Block, Outcome.Fail)]
        [InlineData(UncertainAction.Fail, FailAction.Review, Outcome.Review)]
        [InlineData(UncertainAction.Fail, FailAction.Warn, Outcome.Warn)]
        public void Should_apply_the_uncertainty_action_to_a_straddle(UncertainAction onUncertain, FailAction onFail, Outcome expected)
        {
            // Given a floor of 0.8 straddled by the interval
            var requirement = Requirement(new Threshold(0.8, null), onFail, onUncertain);

            // When it is decided
            var outcome = Decision.Decide(requirement, 0.81, (0.75, 0.85));

            // Then the uncertainty action sets the outcome, and 'fail' defers to the fail action
            Assert.True(outcome == expected, $"straddle with on_uncertain {onUncertain}, on_fail {onFail}: {outcome}, expected {expected}");
        }

        [Fact]
        public void Should_pass_a_clear_whatever_the_actions()
        {
            foreach (var onFail in Enum.GetValues<FailAction>())
            {
                foreach (var onUncertain in Enum.GetValues<UncertainAction>())
                {
                    // Given a ceiling of 0.1 cleared by the whole interval
                    var requirement = Requirement(new Threshold(null, 0.1), onFail, onUncertain);

                    // When it is decided
                    // Then it passes
                    var outcome = Decision.Decide(requirement, 0.05, (0.02, 0.08));
                    Assert.True(outcome == Outcome.Pass, $"clear with on_fail {onFail}, on_uncertain {onUncertain}: {outcome}");
                }
            }
        }

        [Fact]
        public void Should_not_miss_a_floor_of_one_met_exactly_on_its_wilson_interval()
        {
            // Given a floor of 1 (for example every value present) and 6 of 6 rows meeting it, with the Wilson interval
            var requirement = Requirement(new Threshold(1, null), FailAction.Block, UncertainAction.Review);
            var interval = WilsonInterval.Compute(6, 6, 0.95);

            // When it is decided
            var side = Decision.Compare(requirement.Threshold, 1, interval);
            var outcome = Decision.Decide(requirement, 1, interval);

            // Then the interval reaches 1, so it straddles the floor and a person reviews it; it cannot miss it
            Assert.True(side == Decision.Side.Straddles, $"6/6 against >= 1 with interval {interval}: {side}, expected to straddle");
            Assert.True(outcome == Outcome.Review, $"6/6 against >= 1 with interval {interval}: {outcome}, expected review");
        }

        [Fact]
        public void Should_refuse_a_missing_requirement()
        {
            // Given no requirement
            // When a value is decided
            // Then it fails
            Assert.Throws<ArgumentNullException>(() => Decision.Decide(null!, 0.5, null));
        }
    }

    public sealed class OnFail
    {
        [Theory]
        [InlineData(FailAction.Block, Outcome.Fail)]
        [InlineData(FailAction.Review, Outcome.Review)]
        [InlineData(FailAction.Warn, Outcome.Warn)]
        public void Should_map_each_fail_action_to_its_outcome(FailAction action, Outcome expected)
        {
            // Given a fail action
            // When it is turned into an outcome
            // Then block fails, review asks for review, warn warns
            Assert.True(Decision.OnFail(action) == expected, $"{action}: {Decision.OnFail(action)}, expected {expected}");
        }
    }

    public sealed class Verdict
    {
        [Theory]
        [InlineData(new Outcome[0], Requirements.Verdict.Certified)]
        [InlineData(new[] { Outcome.Pass }, Requirements.Verdict.Certified)]
        [InlineData(new[] { Outcome.Skipped }, Requirements.Verdict.Certified)]
        [InlineData(new[] { Outcome.Pass, Outcome.Skipped }, Requirements.Verdict.Certified)]
        [InlineData(new[] { Outcome.Pass, Outcome.Warn, Outcome.Skipped }, Requirements.Verdict.Conditional)]
        [InlineData(new[] { Outcome.Warn, Outcome.Review, Outcome.Pass }, Requirements.Verdict.NeedsReview)]
        [InlineData(new[] { Outcome.Review, Outcome.Error, Outcome.Warn }, Requirements.Verdict.Error)]
        [InlineData(new[] { Outcome.Error, Outcome.Fail, Outcome.Review }, Requirements.Verdict.Rejected)]
        [InlineData(new[] { Outcome.Skipped, Outcome.Fail }, Requirements.Verdict.Rejected)]
        public void Should_take_the_most_severe_outcome(Outcome[] outcomes, Requirements.Verdict expected)
        {
            // Given outcomes of several checks
            // When the verdict is drawn
            var verdict = Decision.Verdict(outcomes);

            // Then fail beats error beats review beats warn beats pass, and skipped counts for nothing
            Assert.True(verdict == expected, $"[{string.Join(", ", outcomes)}]: {verdict}, expected {expected}");
        }

        [Fact]
        public void Should_follow_the_precedence_for_any_outcomes_in_any_order()
        {
            var outcomes = Gen.ListOf(Gen.Elements(Enum.GetValues<Outcome>()));
            PropertyRunner.Hold(outcomes, list =>
            {
                // Given any outcomes
                // When the verdict is drawn
                var verdict = Decision.Verdict(list);

                // Then it is the most severe one's verdict, with skipped and pass both certifying
                var expected = list.Contains(Outcome.Fail) ? Requirements.Verdict.Rejected
                    : list.Contains(Outcome.Error) ? Requirements.Verdict.Error
                    : list.Contains(Outcome.Review) ? Requirements.Verdict.NeedsReview
                    : list.Contains(Outcome.Warn) ? Requirements.Verdict.Conditional
                    : Requirements.Verdict.Certified;
                Assert.True(verdict == expected, $"[{string.Join(", ", list)}]: {verdict}, expected {expected}");
                Assert.True(Decision.Verdict(Enumerable.Reverse(list)) == verdict, "the verdict does not depend on order");
            });
        }
    }
}
