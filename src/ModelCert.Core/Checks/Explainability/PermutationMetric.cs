using ModelCert.Core.Evaluation;
using ModelCert.Core.Metrics;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>The labels of the permutation sample: classification truth or regression targets, and the decision threshold.</summary>
internal sealed record PermutationLabels(bool[]? Truth, double[]? Target, double Threshold);

/// <summary>A metric whose drop permutation importance measures.</summary>
internal sealed class PermutationMetric
{
    private static readonly PermutationMetric[] Classification =
    [
        new("roc_auc", true, (s, l) => ScoreMetrics.RocAuc(s, l.Truth) ?? double.NaN),
        new("accuracy", true, (s, l) => Counts(s, l).Accuracy),
        new("f1", true, (s, l) => F1(Counts(s, l))),
        new("recall", true, (s, l) => Counts(s, l).Recall),
        new("precision", true, (s, l) => Counts(s, l).Precision),
    ];

    private static readonly PermutationMetric[] Regression =
    [
        new("mae", false, (s, l) => Errors(s, l, e => Math.Abs(e))),
        new("rmse", false, (s, l) => Math.Sqrt(Errors(s, l, e => e * e))),
    ];

    private readonly Func<double[], PermutationLabels, double> _compute;

    private PermutationMetric(string name, bool higherIsBetter, Func<double[], PermutationLabels, double> compute)
    {
        Name = name;
        HigherIsBetter = higherIsBetter;
        _compute = compute;
    }

    public string Name { get; }

    public bool HigherIsBetter { get; }

    public static PermutationMetric? Find(string name, ModelTask task) =>
        (task == ModelTask.Regression ? Regression : Classification).FirstOrDefault(m => m.Name == name);

    public static string Choices(ModelTask task) => string.Join(", ", (task == ModelTask.Regression ? Regression : Classification).Select(m => m.Name));

    public double Compute(ReadOnlySpan<double> scores, PermutationLabels labels) => _compute(scores.ToArray(), labels);

    private static Counted Counts(double[] scores, PermutationLabels labels)
    {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        var truth = labels.Truth!;
        for (var i = 0; i < truth.Length; i++)
        {
            var predicted = scores[i] > labels.Threshold;
            (tp, fp, fn, tn) = (truth[i], predicted) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (false, true) => (tp, fp + 1, fn, tn),
                (true, false) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
        }

        return new Counted(tp, fp, fn, tn);
    }

    private static double F1(Counted c) => Ratio(2 * c.Tp, (2 * c.Tp) + c.Fp + c.Fn);

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;

    private static double Errors(double[] scores, PermutationLabels labels, Func<double, double> loss)
    {
        var target = labels.Target!;
        var sum = 0.0;
        for (var i = 0; i < target.Length; i++)
        {
            sum += loss(scores[i] - target[i]);
        }

        return target.Length == 0 ? double.NaN : sum / target.Length;
    }

    private readonly record struct Counted(long Tp, long Fp, long Fn, long Tn)
    {
        public double Accuracy => Ratio(Tp + Tn, Tp + Fp + Fn + Tn);

        public double Recall => Ratio(Tp, Tp + Fn);

        public double Precision => Ratio(Tp, Tp + Fp);
    }
}
