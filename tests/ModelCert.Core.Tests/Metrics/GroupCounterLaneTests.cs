using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Metrics;

/// <summary>
/// The group counter counts four rows at a time into separate copies of the cells and drops to one row at a time
/// around missing codes and at the end: every length and every position of a missing code must count as a plain loop.
/// </summary>
public sealed class GroupCounterLaneTests
{
    public sealed class Add
    {
        [Fact]
        public void Should_count_as_a_plain_loop_whatever_the_length_and_the_missing_codes()
        {
            var random = new SeededRandom(3);
            for (var length = 0; length < 70; length++)
            {
                // Given rows of 3 groups, some with a missing code, and cells already holding counts
                var truth = new bool[length];
                var predicted = new bool[length];
                var groups = new int[length];
                for (var i = 0; i < length; i++)
                {
                    truth[i] = random.NextDouble() < 0.4;
                    predicted[i] = random.NextDouble() < 0.5;
                    groups[i] = random.NextDouble() < 0.15 ? -1 : random.NextInt(3);
                }

                var cells = new long[12];
                cells[5] = 7;
                var expected = (long[])cells.Clone();
                for (var i = 0; i < length; i++)
                {
                    if (groups[i] >= 0)
                    {
                        expected[(4 * groups[i]) + ConfusionCounts.Cell(truth[i], predicted[i])]++;
                    }
                }

                // When they are added
                GroupCounter.Add(cells, truth, predicted, groups);

                // Then the cells equal the plain loop's
                Assert.True(expected.SequenceEqual(cells), $"{length} rows: [{string.Join(", ", cells)}], expected [{string.Join(", ", expected)}]");
            }
        }

        [Fact]
        public void Should_keep_the_rows_before_an_invalid_code_when_it_throws()
        {
            // Given nine rows of group 0, then a code beyond the groups
            var groups = new int[10];
            groups[9] = 2;
            var cells = new long[8];

            // When they are added
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => GroupCounter.Add(cells, new bool[10], new bool[10], groups));

            // Then the error names the row, and the nine rows before it are counted, as a row-by-row loop leaves them
            Assert.Contains("row 9", error.Message, StringComparison.Ordinal);
            Assert.True(cells[0] == 9 && cells.Sum() == 9, $"cells [{string.Join(", ", cells)}], expected 9 true negatives of group 0");
        }
    }

    public sealed class CountAll
    {
        [Fact]
        public void Should_equal_counting_one_group_of_every_row()
        {
            var random = new SeededRandom(4);
            foreach (var length in new[] { 0, 1, 31, 32, 33, 95, 1000, 4099 })
            {
                // Given rows of labels and predictions
                var truth = new bool[length];
                var predicted = new bool[length];
                for (var i = 0; i < length; i++)
                {
                    truth[i] = random.NextDouble() < 0.3;
                    predicted[i] = random.NextDouble() < 0.6;
                }

                // When all rows are counted, with and without a group code per row
                var all = GroupCounter.Count(truth, predicted);
                var grouped = GroupCounter.Count(truth, predicted, new int[length], 1);

                // Then the cells agree
                Assert.True(grouped.SequenceEqual(all), $"{length} rows: [{string.Join(", ", all)}], expected [{string.Join(", ", grouped)}]");
            }
        }
    }
}
