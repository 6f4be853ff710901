using ModelCert.Core.Checks.Robustness;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using Xunit;
using static ModelCert.Core.Tests.Checks.Robustness.RobustnessData;

namespace ModelCert.Core.Tests.Checks.Robustness;

public sealed class WorstSliceCheckTests
{
    private const string Id = "robustness.worst-slice";

    /// <summary>
    /// 4000 rows: colour (red/green/blue), size uniform in [0, 100), shape (square/round), all independent. Errors at
    /// 10%, except in the planted slice colour = blue and size >= 80 (about 270 rows) where they are at 50%.
    /// </summary>
    private static EvaluationData Planted(bool plant)
    {
        const int rows = 4000;
        var random = new SeededRandom(3);
        var colours = new StringDictionary();
        var shapes = new StringDictionary();
        var colour = new int[rows];
        var size = new double[rows];
        var shape = new int[rows];
        var truth = new bool[rows];
        var predicted = new bool[rows];
        string[] names = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            colour[i] = colours.GetOrAdd(names[random.NextInt(3)]);
            size[i] = random.NextDouble() * 100;
            shape[i] = shapes.GetOrAdd(random.NextDouble() < 0.5 ? "square" : "round");
            var inSlice = plant && colours[colour[i]] == "blue" && size[i] >= 80;
            truth[i] = random.NextDouble() < 0.5;
            predicted[i] = random.NextDouble() < (inSlice ? 0.5 : 0.1) ? !truth[i] : truth[i];
        }

        var frame = new Frame([new StringColumn("colour", colour, colours), new Float64Column("size", size), new StringColumn("shape", shape, shapes)], rows);
        return new EvaluationData
        {
            Task = ModelTask.BinaryClassification,
            Test = frame,
            Truth = truth,
            Predicted = predicted,
            Scores = [.. predicted.Select(p => p ? 0.9 : 0.1)],
            FeatureColumns = ["colour", "size", "shape"],
        };
    }

    public sealed class Evaluate
    {
        [Fact]
        public void Should_find_the_planted_slice_at_the_top()
        {
            // Given errors planted in colour = blue and size >= 80, in predictions mode (no model)
            var data = Planted(plant: true);

            // When the worst slices are searched
            var result = Expect.Single(new WorstSliceCheck().Evaluate(data, AtMost(Id, 0.1)), "worst slice");

            // Then the top slice is the planted one (its size cut is the quintile, a data value near 80), significant,
            // and worse than average by far
            var top = Entries(result, "slices")[0];
            var text = (string)top["slice"]!;
            Expect.Contains("colour = blue and size >= ", text, "top slice");
            var cut = double.Parse(text[(text.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(cut - 80) < 1, $"the cut {cut} is the 80% quantile of a uniform [0, 100)");
            Assert.True((double)top["q_value"]! < 1e-6, $"q {top["q_value"]}");
            Assert.True((double)top["error"]! > 0.4, $"error {top["error"]}");
            Assert.True(result.Value > 0.25, $"gap {result.Value}");
            Expect.Outcome(Outcome.Fail, result, "a 0.1 ceiling on the gap is missed");
            Expect.Sequence(["colour", "size"], Expect.Detail<List<string>>(result, "drivers", "drivers").Take(2), "drivers");
            Expect.Contains("colour = blue and size >= ", result.Message, "message names the slice");
        }

        [Fact]
        public void Should_find_no_significant_slice_when_errors_are_uniform()
        {
            // Given errors at 10% everywhere
            var data = Planted(plant: false);

            // When the worst slices are searched
            var result = Expect.Single(new WorstSliceCheck().Evaluate(data, AtMost(Id, 0.1)), "no slice");

            // Then nothing survives the Benjamini-Hochberg correction and the requirement passes
            Expect.Value(0, result, "no significant gap");
            Expect.Equal(0, Expect.Detail<int>(result, "significant_slices", "significant"), "significant slices");
            Expect.Outcome(Outcome.Pass, result, "passes");
        }

        [Fact]
        public void Should_keep_slices_of_the_minimum_size_and_one_predicate_when_asked()
        {
            // Given the planted data
            var data = Planted(plant: true);

            // When slices have one predicate and at least 1000 rows
            var result = Expect.Single(new WorstSliceCheck().Evaluate(data, AtMost(Id, 0.1, ("max_predicates", 1), ("min_slice_size", 1000))), "constrained");

            // Then every listed slice respects both
            Assert.All(Entries(result, "slices"), s =>
            {
                Assert.True((long)s["size"]! >= 1000, $"size {s["size"]}");
                Assert.DoesNotContain(" and ", (string)s["slice"]!, StringComparison.Ordinal);
            });
        }
    }

    public sealed class Statistics
    {
        [Fact]
        public void Should_adjust_p_values_as_benjamini_hochberg_does()
        {
            // Given four p-values (checked by hand: q_i = min over j >= i of p_(j) m / j)
            double[] p = [0.01, 0.04, 0.03, 0.5];

            // When adjusted
            var q = SliceStatistics.BenjaminiHochberg(p);

            // Then 0.01 x 4 = 0.04, 0.03 x 4/2 = 0.06 (kept by 0.04 x 4/3 = 0.0533), 0.5 x 4/4
            Assert.Equal(0.04, q[0], 12);
            Assert.Equal(0.04 * 4 / 3, q[1], 12);
            Assert.Equal(0.04 * 4 / 3, q[2], 12);
            Assert.Equal(0.5, q[3], 12);
        }

        [Fact]
        public void Should_give_the_normal_upper_tail()
        {
            // Given known normal quantiles
            // Then the upper tail matches to 1e-7 relative
            Assert.Equal(0.5, SliceStatistics.UpperTail(0), 7);
            Assert.Equal(0.025, SliceStatistics.UpperTail(1.959963984540054), 7);
            Assert.True(Math.Abs((SliceStatistics.UpperTail(6) / 9.865876450377e-10) - 1) < 1e-6, "tail at 6 sigma");
        }
    }
}
