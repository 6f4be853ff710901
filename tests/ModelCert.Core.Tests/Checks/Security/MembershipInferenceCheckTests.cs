using ModelCert.Core.Checks.Security;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using ModelCert.Core.Tests.Checks.DataQuality;
using Xunit;
using static ModelCert.Core.Tests.Checks.DataQuality.TestFrames;

namespace ModelCert.Core.Tests.Checks.Security;

public sealed class MembershipInferenceCheckTests
{
    private const string Id = "security.membership-inference";

    /// <summary>A logistic model of x; with <paramref name="memorized"/> ids it is sure of their labels, as an overfit model is.</summary>
    private sealed class LogisticScorer(IReadOnlyDictionary<long, bool>? memorized = null) : IFrameScorer
    {
        public IReadOnlyList<string> Features { get; } = ["id", "x"];

        public double[] Score(Frame frame)
        {
            var ids = (Int64Column)frame["id"];
            var x = (Float64Column)frame["x"];
            var scores = new double[frame.RowCount];
            for (var row = 0; row < frame.RowCount; row++)
            {
                scores[row] = memorized is not null && memorized.TryGetValue(ids.Values[row], out var label)
                    ? (label ? 0.999 : 0.001)
                    : 1 / (1 + Math.Exp(-x.Values[row]));
            }

            return scores;
        }
    }

    /// <summary>Rows whose label is drawn from sigmoid(x), ids from <paramref name="firstId"/>.</summary>
    private static (Frame Frame, bool[] Labels) Rows(int count, long firstId, ulong seed)
    {
        var random = new SeededRandom(seed);
        var x = new double?[count];
        var labels = new bool[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = (random.NextDouble() * 6) - 3;
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-x[i]!.Value));
        }

        return (Of(Integers("id", [.. Enumerable.Range(0, count).Select(i => (long?)(firstId + i))]), Numbers("x", x), Flags("y", [.. labels.Select(l => (bool?)l)])), labels);
    }

    private static EvaluationData Data(bool overfit, bool withTrainLabels = true, bool runnable = true)
    {
        var (train, trainLabels) = Rows(3000, 0, 1);
        var (test, testLabels) = Rows(2500, 1_000_000, 2);
        var memorized = overfit ? Enumerable.Range(0, 3000).ToDictionary(i => (long)i, i => trainLabels[i]) : null;
        var model = new LogisticScorer(memorized);
        return new EvaluationData
        {
            Task = ModelTask.BinaryClassification,
            Test = test,
            TestOrigin = "test.csv",
            Train = train,
            Truth = testLabels,
            TrainTruth = withTrainLabels ? trainLabels : null,
            Scores = model.Score(test),
            Model = runnable ? model : null,
            ModelRunnable = runnable,
            Bootstrap = new BootstrapOptions { Seed = 99 },
        };
    }

    private static CheckResult Run(EvaluationData data, int? sample = null) =>
        Expect.Single(
            new MembershipInferenceCheck().Evaluate(
                data,
                TestRequirements.AtMost(Id, 0.6, sample is { } s ? new RequirementParameters { Values = new Dictionary<string, object> { ["sample"] = s } } : null)),
            "membership");

    public sealed class Evaluate
    {
        [Fact]
        public void Should_find_a_model_that_memorized_its_training_rows()
        {
            // Given a model sure of every training label and honest on unseen rows
            // When the attack is measured on 2,000 rows a side
            var result = Run(Data(overfit: true));

            // Then the AUC is near 1 and the requirement fails
            Assert.True(result.Value > 0.9, $"AUC {result.Value} should be near 1");
            Expect.Outcome(Outcome.Fail, result, "memorization leaks membership");
            Assert.Equal(2000, Expect.Detail<int>(result, "members_sampled", "members"));
            Assert.Equal(2000, Expect.Detail<int>(result, "non_members_sampled", "non-members"));
        }

        [Fact]
        public void Should_find_no_signal_when_the_model_treats_rows_alike()
        {
            // Given the same logistic model for training and test rows from one distribution
            // When the attack is measured
            var result = Run(Data(overfit: false));

            // Then the interval covers 0.5 and stays below 0.6
            Assert.True(result.Ci is [var low, var high] && low <= 0.5 && high >= 0.5 && high < 0.6, $"interval [{string.Join(", ", result.Ci ?? [])}] should cover 0.5");
            Expect.Outcome(Outcome.Pass, result, "no leakage");
        }

        [Fact]
        public void Should_be_reproducible_from_the_seed_and_honour_the_sample()
        {
            // Given the same data twice, and a sample of 500
            var first = Run(Data(overfit: false), sample: 500);
            var second = Run(Data(overfit: false), sample: 500);

            // Then the results agree exactly, on 500 rows a side
            Assert.Equal(first.Value, second.Value);
            Assert.Equal(500, first.SampleSize);
        }

        [Theory]
        [InlineData(false, true, "predictions mode")]
        [InlineData(true, false, "no labels")]
        public void Should_skip_without_a_model_or_training_labels(bool runnable, bool trainLabels, string reason)
        {
            // Given no model, or no labels in the training data
            var result = Run(Data(overfit: false, withTrainLabels: trainLabels, runnable: runnable));

            // Then the check is skipped with the reason
            Expect.Outcome(Outcome.Skipped, result, reason);
            Expect.Contains(reason, result.Message, "reason");
        }

        [Fact]
        public void Should_skip_without_training_data()
        {
            // Given no training data
            var data = Data(overfit: false);
            var result = Run(new EvaluationData { Task = data.Task, Test = data.Test, Truth = data.Truth, Scores = data.Scores, Model = data.Model, ModelRunnable = true });

            // Then the check is skipped
            Expect.Contains("no training data", result.Message, "reason");
        }
    }

    public sealed class Compute
    {
        [Fact]
        public void Should_equal_the_pairwise_definition_with_ties()
        {
            // Given seeded losses rounded to one decimal, so many tie
            var random = new Random(5);
            for (var trial = 0; trial < 50; trial++)
            {
                var members = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Math.Round(random.NextDouble() * 2, 1)).ToArray();
                var others = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Math.Round(random.NextDouble() * 2, 1)).ToArray();

                // When the AUC is computed
                var auc = MembershipAuc.Compute(members, others, 0.95);

                // Then it is P(member loss < non-member loss) + half the ties, and the interval holds it
                var pairs = members.Sum(a => others.Sum(b => a < b ? 1.0 : a == b ? 0.5 : 0));
                Assert.Equal(pairs / (members.Length * others.Length), auc.Auc, 12);
                Assert.InRange(auc.Auc, auc.Interval.Low, auc.Interval.High);
                Assert.InRange(auc.Advantage, 0, 1);
            }
        }
    }
}
