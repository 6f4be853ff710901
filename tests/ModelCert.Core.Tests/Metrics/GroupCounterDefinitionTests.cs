using FsCheck;
using FsCheck.Fluent;
using ModelCert.Core.Metrics;
using ModelCert.Core.Tests.Properties;
using Xunit;

namespace ModelCert.Core.Tests.Metrics;

public sealed class GroupCounterDefinitionTests
{
    private static readonly Gen<(bool[] Truth, bool[] Predicted, int[] Groups, int GroupCount)> Rows =
        from rows in Gen.Choose(0, 300)
        from groupCount in Gen.Choose(1, 6)
        from truth in Gen.ArrayOf(EvaluationCases.Percent(50), rows)
        from predicted in Gen.ArrayOf(EvaluationCases.Percent(50), rows)
        from groups in Gen.ArrayOf(Gen.Choose(0, groupCount - 1), rows)
        select (truth, predicted, groups, groupCount);

    public sealed class Count
    {
        [Fact]
        public void Should_count_each_groups_cells_as_a_plain_loop_does()
        {
            PropertyRunner.Hold(Rows, sample =>
            {
                // Given random rows in random groups
                var (truth, predicted, groups, groupCount) = sample;

                // When the cells are counted
                var cells = GroupCounter.Count(truth, predicted, groups, groupCount);

                // Then each group's counts are what filtering its rows gives, and the total is all rows
                for (var g = 0; g < groupCount; g++)
                {
                    var rows = Enumerable.Range(0, truth.Length).Where(i => groups[i] == g).ToList();
                    var expected = new ConfusionCounts(
                        rows.Count(i => !truth[i] && !predicted[i]),
                        rows.Count(i => !truth[i] && predicted[i]),
                        rows.Count(i => truth[i] && !predicted[i]),
                        rows.Count(i => truth[i] && predicted[i]));
                    Assert.True(GroupCounter.Group(cells, g) == expected, $"group {g}: {GroupCounter.Group(cells, g)}, expected {expected}");
                }

                Assert.True(GroupCounter.Total(cells).Count == truth.Length, $"total {GroupCounter.Total(cells).Count}, expected {truth.Length} rows");
            });
        }

        [Fact]
        public void Should_skip_rows_with_a_missing_group_code()
        {
            // Given four rows, the second and fourth with a missing group (-1)
            bool[] truth = [true, false, true, true];
            bool[] predicted = [true, true, false, false];
            int[] groups = [0, -1, 1, -1];

            // When the cells are counted
            var cells = GroupCounter.Count(truth, predicted, groups, 2);

            // Then only the first and third rows are counted
            Assert.True(GroupCounter.Group(cells, 0) == new ConfusionCounts(0, 0, 0, 1), $"group 0: {GroupCounter.Group(cells, 0)}, expected one TP");
            Assert.True(GroupCounter.Group(cells, 1) == new ConfusionCounts(0, 0, 1, 0), $"group 1: {GroupCounter.Group(cells, 1)}, expected one FN");
            Assert.True(GroupCounter.Total(cells).Count == 2, "the missing rows are not counted");
        }

        [Fact]
        public void Should_refuse_a_group_code_beyond_the_groups()
        {
            // Given a row in group 2 of a two-group attribute
            // When the cells are counted
            // Then it fails naming the row and the valid range
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => GroupCounter.Count([true, false], [true, true], [0, 2], 2));
            Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
            Assert.Contains("0..1", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_arrays_of_different_lengths()
        {
            // Given two labels, two decisions and one group code
            // When the cells are counted
            // Then it fails naming the mismatch
            var error = Assert.Throws<ArgumentException>(() => GroupCounter.Count([true, false], [true, true], [0], 1));
            Assert.Contains("differ in length", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Add
    {
        [Fact]
        public void Should_merge_chunks_into_the_counts_of_the_whole()
        {
            PropertyRunner.Hold(Rows.SelectMany(r => Gen.Choose(0, r.Truth.Length), (r, split) => (r, split)), sample =>
            {
                // Given random rows cut into two chunks at a random row
                var ((truth, predicted, groups, groupCount), split) = sample;

                // When each chunk is added into one accumulator
                var merged = new long[groupCount * 4];
                GroupCounter.Add(merged, truth.AsSpan(0, split), predicted.AsSpan(0, split), groups.AsSpan(0, split));
                GroupCounter.Add(merged, truth.AsSpan(split), predicted.AsSpan(split), groups.AsSpan(split));

                // Then it equals counting the whole at once
                Assert.True(merged.SequenceEqual(GroupCounter.Count(truth, predicted, groups, groupCount)), $"chunks split at {split} differ from the whole");
            });
        }
    }
}
