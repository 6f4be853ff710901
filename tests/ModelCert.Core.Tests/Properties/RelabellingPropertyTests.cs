using FsCheck;
using FsCheck.Fluent;
using ModelCert.Core.Fairness;
using Xunit;

namespace ModelCert.Core.Tests.Properties;

/// <summary>Disparities are symmetric in the groups: which id or name a group has does not matter.</summary>
public sealed class RelabellingPropertyTests
{
    public sealed class FairnessSections
    {
        [Fact]
        public void Should_give_the_same_aggregates_when_group_ids_and_names_change()
        {
            PropertyRunner.Hold(EvaluationCases.CasesWithGroupMaps(), sample =>
            {
                // Given a random evaluation, and the same one with every attribute's group ids permuted and names prefixed
                var (original, maps) = sample;
                var relabelled = original.Relabel(count => maps[count], "renamed ");

                // When the fairness sections are computed for both
                var expected = original.ToData().Metrics.FairnessSections();
                var actual = relabelled.ToData().Metrics.FairnessSections();

                // Then every aggregate agrees, and each group keeps its rates under its new name
                foreach (var (name, section) in expected)
                {
                    var other = actual[name];
                    foreach (var (metric, value) in Sections.Aggregates(section))
                    {
                        Approx.Equal(value, Sections.Aggregates(other)[metric], 0, $"relabelled groups, {name} {metric}");
                    }

                    foreach (var (group, rates) in section.Groups)
                    {
                        Assert.True(other.Groups.TryGetValue("renamed " + group, out var renamed), $"{name}: group {group} lost by relabelling");
                        foreach (var (rate, value) in Sections.Rates(rates))
                        {
                            Approx.Equal(value, Sections.Rates(renamed!)[rate], 0, $"relabelled groups, {name}/{group} {rate}");
                        }
                    }
                }
            });
        }
    }

    public sealed class Compute
    {
        private static readonly Gen<long[]> GroupCells = Gen.ArrayOf(Gen.Choose(0, 30).Select(c => (long)c), 4);

        [Fact]
        public void Should_give_the_same_aggregate_when_two_groups_swap()
        {
            var pairs =
                from a in GroupCells
                from b in GroupCells
                from profile in Gen.Elements(DefinitionProfile.Strict, DefinitionProfile.Fairlearn)
                select (a, b, profile);
            PropertyRunner.Hold(pairs, sample =>
            {
                // Given the confusion cells of two groups a and b
                var (a, b, profile) = sample;
                long[] ab = [.. a, .. b];
                long[] ba = [.. b, .. a];

                // When every aggregate is computed with the groups in both orders
                // Then difference(a, b) equals difference(b, a), and so does every ratio
                foreach (var metric in Enum.GetValues<FairnessMetric>())
                {
                    var forward = FairnessAggregator.Compute(metric, ab, [true, true], profile);
                    var backward = FairnessAggregator.Compute(metric, ba, [true, true], profile);
                    Approx.Equal(forward, backward, 0, $"{profile} {metric} of a=[{string.Join(",", a)}] b=[{string.Join(",", b)}]");
                }
            });
        }

        [Fact]
        public void Should_give_the_same_aggregate_for_any_order_of_groups()
        {
            var cases =
                from groups in Gen.Choose(1, 6)
                from cells in Gen.ArrayOf(GroupCells, groups)
                from include in Gen.ArrayOf(EvaluationCases.Percent(80), groups)
                from order in EvaluationCases.Permutation(groups)
                from profile in Gen.Elements(DefinitionProfile.Strict, DefinitionProfile.Fairlearn)
                select (cells, include, order, profile);
            PropertyRunner.Hold(cases, sample =>
            {
                // Given several groups' cells, some left out, and a reordering of the groups
                var (cells, include, order, profile) = sample;
                long[] flat = [.. cells.SelectMany(c => c)];
                long[] shuffled = [.. order.SelectMany(g => cells[g])];
                bool[] shuffledInclude = [.. order.Select(g => include[g])];

                // When every aggregate is computed in both orders
                // Then they agree exactly (min and max do not depend on order)
                foreach (var metric in Enum.GetValues<FairnessMetric>())
                {
                    Approx.Equal(
                        FairnessAggregator.Compute(metric, flat, include, profile),
                        FairnessAggregator.Compute(metric, shuffled, shuffledInclude, profile),
                        0,
                        $"{profile} {metric} over groups reordered as [{string.Join(",", order)}]");
                }
            });
        }
    }
}
