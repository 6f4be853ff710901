using FsCheck;
using FsCheck.Fluent;
using ModelCert.Core.Results;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Properties;

/// <summary>The bootstrap is a function of its seed; count resampling keeps every group's size.</summary>
public sealed class BootstrapPropertyTests
{
    /// <summary>Every interval of one evaluation, keyed by where it appears.</summary>
    private static Dictionary<string, double[]> Intervals(EvaluationCase evaluation, ulong seed)
    {
        var suite = evaluation.ToData(seed).Metrics;
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, interval) in suite.PerformanceSection().Ci)
        {
            result["performance " + name] = interval;
        }

        foreach (var (attribute, section) in suite.FairnessSections())
        {
            Add(result, attribute, section);
        }

        return result;
    }

    private static void Add(Dictionary<string, double[]> result, string attribute, AttributeSection section)
    {
        foreach (var (name, interval) in section.Ci)
        {
            result[$"{attribute} {name}"] = interval;
        }

        foreach (var (group, rates) in section.Groups)
        {
            foreach (var (name, interval) in rates.Ci)
            {
                result[$"{attribute}/{group} {name}"] = interval;
            }
        }
    }

    public sealed class MetricSuiteIntervals
    {
        [Fact]
        public void Should_be_identical_for_the_same_seed()
        {
            var cases = EvaluationCases.Cases().SelectMany(_ => Gen.Choose(0, int.MaxValue), (c, seed) => (c, seed: (ulong)seed));
            PropertyRunner.Hold(cases, sample =>
            {
                // Given one random evaluation built twice, with one seed
                var (evaluation, seed) = sample;

                // When every interval is computed for each, from scratch
                var first = Intervals(evaluation, seed);
                var second = Intervals(evaluation, seed);

                // Then the two runs agree on every interval, bit for bit
                Assert.True(first.Keys.Order().SequenceEqual(second.Keys.Order()), "the same intervals are reported");
                foreach (var (name, interval) in first)
                {
                    Assert.True(interval.SequenceEqual(second[name]), $"{name}: {Sections.Show(interval)} then {Sections.Show(second[name])} with seed {seed}");
                }
            });
        }

        [Fact]
        public void Should_differ_for_another_seed_in_most_evaluations()
        {
            // Given 100 random evaluations of 50 or more rows
            var samples = EvaluationCases.Cases().Where(c => c.Rows >= 50).Sample(100, new Rnd(20240601UL), 50);
            var informative = 0;
            var differing = 0;
            foreach (var evaluation in samples)
            {
                // When every interval is computed with seed 1 and with seed 2
                var one = Intervals(evaluation, 1);
                var two = Intervals(evaluation, 2);

                // Then, among evaluations with an interval of non-zero width, most change somewhere
                if (one.Values.Any(i => i[0] < i[1]))
                {
                    informative++;
                    differing += one.Any(p => !p.Value.SequenceEqual(two[p.Key])) ? 1 : 0;
                }
            }

            Assert.True(informative >= 50, $"only {informative} of 100 samples had an interval of non-zero width");
            Assert.True(differing >= 0.9 * informative, $"only {differing} of {informative} evaluations changed an interval with another seed");
        }
    }

    public sealed class Resample
    {
        [Fact]
        public void Should_keep_each_groups_total_and_its_empty_cells_in_every_replicate()
        {
            var cases =
                from groups in Gen.Choose(1, 6)
                from cells in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(0, 1000))).Select(c => (long)c), 4 * groups)
                from replicates in Gen.Choose(1, 50)
                from seed in Gen.Choose(0, int.MaxValue)
                select (cells, replicates, seed: (ulong)seed);
            PropertyRunner.Hold(cases, sample =>
            {
                // Given per-group confusion cells, some empty
                var (cells, replicates, seed) = sample;

                // When they are resampled
                var result = CountBootstrap.Resample(cells, replicates, seed);

                // Then each replicate keeps every group's row count, leaves empty cells empty and has no negative count
                Assert.True(result.Length == replicates * cells.Length, $"{result.Length} resampled cells, expected {replicates} x {cells.Length}");
                for (var r = 0; r < replicates; r++)
                {
                    var draw = result.AsSpan(r * cells.Length, cells.Length);
                    for (var g = 0; g < cells.Length; g += 4)
                    {
                        var before = cells[g] + cells[g + 1] + cells[g + 2] + cells[g + 3];
                        var after = draw[g] + draw[g + 1] + draw[g + 2] + draw[g + 3];
                        Assert.True(before == after, $"replicate {r}, group {g / 4}: {after} rows, expected {before}");
                    }

                    for (var i = 0; i < cells.Length; i++)
                    {
                        Assert.True(draw[i] >= 0, $"replicate {r}, cell {i}: negative count {draw[i]}");
                        Assert.True(cells[i] != 0 || draw[i] == 0, $"replicate {r}, cell {i}: {draw[i]} rows drawn from an empty cell");
                    }
                }
            });
        }

        [Fact]
        public void Should_be_identical_for_the_same_seed_and_stream()
        {
            var cases =
                from cells in Gen.ArrayOf(Gen.Choose(0, 500).Select(c => (long)c), 12)
                from seed in Gen.Choose(0, int.MaxValue)
                from stream in Gen.Choose(0, 5)
                select (cells, seed: (ulong)seed, stream: (ulong)stream);
            PropertyRunner.Hold(cases, sample =>
            {
                // Given cells, a seed and a stream
                var (cells, seed, stream) = sample;

                // When they are resampled twice
                // Then the replicates are identical
                Assert.True(
                    CountBootstrap.Resample(cells, 10, seed, stream).SequenceEqual(CountBootstrap.Resample(cells, 10, seed, stream)),
                    $"seed {seed}, stream {stream}: two runs differ");
            });
        }
    }
}
