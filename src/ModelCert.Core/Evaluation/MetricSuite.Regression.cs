using ModelCert.Core.Results;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Evaluation;

public enum RegressionMetricKind
{
    Mae,
    Rmse,
    R2,
}

/// <summary>
/// Regression metrics. Their intervals are normal approximations (the mean of |e| or e² with its standard error,
/// carried through the square root for RMSE and through 1 - MSE/Var(y) for R²); the per-group error gap's interval
/// is a parametric bootstrap drawing each group's MAE from its normal approximation with the run's seed.
/// </summary>
public sealed partial class MetricSuite
{
    public Measurement Regression(RegressionMetricKind kind, double confidence)
    {
        if (_data.Target is not { } target || _data.Scores is not { } prediction)
        {
            return Measurement.Undefined("regression metrics need a numeric target column and predictions");
        }

        var rows = Enumerable.Range(0, target.Length).Where(i => !double.IsNaN(target[i]) && !double.IsNaN(prediction[i])).ToArray();
        if (rows.Length < 2)
        {
            return Measurement.Undefined("fewer than 2 rows with both a target and a prediction", rows.Length);
        }

        var absolute = rows.Select(i => Math.Abs(prediction[i] - target[i])).ToArray();
        var squared = rows.Select(i => (prediction[i] - target[i]) * (prediction[i] - target[i])).ToArray();
        var (mae, maeHalf) = MeanAndHalfWidth(absolute, confidence);
        var (mse, mseHalf) = MeanAndHalfWidth(squared, confidence);
        var mean = rows.Average(i => target[i]);
        var variance = rows.Sum(i => (target[i] - mean) * (target[i] - mean)) / rows.Length;
        return kind switch
        {
            RegressionMetricKind.Mae => new Measurement(mae, (Math.Max(0, mae - maeHalf), mae + maeHalf), rows.Length),
            RegressionMetricKind.Rmse => new Measurement(Math.Sqrt(mse), (Math.Sqrt(Math.Max(0, mse - mseHalf)), Math.Sqrt(mse + mseHalf)), rows.Length),
            _ when variance == 0 => Measurement.Undefined("the target is constant, so R² is undefined", rows.Length),
            _ => new Measurement(1 - (mse / variance), (1 - ((mse + mseHalf) / variance), 1 - ((mse - mseHalf) / variance)), rows.Length),
        };
    }

    /// <summary>Largest minus smallest per-group MAE over the included groups.</summary>
    public Measurement ErrorGap(ProtectedAttribute attribute, bool[] include, double confidence)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (_data.Target is not { } target || _data.Scores is not { } prediction)
        {
            return Measurement.Undefined("the error gap needs a numeric target column and predictions");
        }

        var stats = GroupErrors(attribute, target, prediction);
        var used = Enumerable.Range(0, stats.Length).Where(g => include[g] && stats[g].Count > 0).ToList();
        if (used.Count == 0)
        {
            return Measurement.Undefined("no group has rows with a target and a prediction");
        }

        var gap = used.Max(g => stats[g].Mean) - used.Min(g => stats[g].Mean);
        var rows = used.Sum(g => stats[g].Count);
        if (Bootstrap.Replicates == 0)
        {
            return new Measurement(gap, null, rows);
        }

        var random = SeededRandom.ForStream(Bootstrap.Seed, AttributeCells.StreamOf(attribute.Name));
        var replicates = new double[Bootstrap.Replicates];
        for (var r = 0; r < replicates.Length; r++)
        {
            var draws = used.Select(g => stats[g].Mean + (stats[g].StandardError * Gaussian(random))).ToList();
            replicates[r] = draws.Max() - draws.Min();
        }

        return new Measurement(gap, CountBootstrap.Contain(PercentileInterval.Compute(replicates, confidence), gap), rows);
    }

    private PerformanceSection RegressionSection()
    {
        var confidence = Bootstrap.Confidence;
        var ci = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        double? Take(RegressionMetricKind kind, string name)
        {
            var m = Regression(kind, confidence);
            if (m.Interval is { } i)
            {
                ci[name] = [i.Low, i.High];
            }

            return m.Value;
        }

        return new PerformanceSection
        {
            N = _data.Rows,
            Mae = Take(RegressionMetricKind.Mae, "mae"),
            Rmse = Take(RegressionMetricKind.Rmse, "rmse"),
            R2 = Take(RegressionMetricKind.R2, "r2"),
            Ci = ci,
        };
    }

    private AttributeSection RegressionAttributeSection(ProtectedAttribute attribute)
    {
        var groups = new SortedDictionary<string, GroupSection>(StringComparer.Ordinal);
        if (_data.Target is { } target && _data.Scores is { } prediction)
        {
            var stats = GroupErrors(attribute, target, prediction);
            for (var g = 0; g < stats.Length; g++)
            {
                if (stats[g].Count > 0)
                {
                    groups[attribute.Groups[g]] = new GroupSection { Count = stats[g].Count, Mae = stats[g].Mean };
                }
            }
        }

        var include = Enumerable.Repeat(true, attribute.Groups.Count).ToArray();
        return new AttributeSection
        {
            Groups = groups,
            ErrorGap = ErrorGap(attribute, include, Bootstrap.Confidence).Value,
            MissingValues = attribute.Codes.AsSpan().Count(-1),
        };
    }

    private static (long Count, double Mean, double StandardError)[] GroupErrors(ProtectedAttribute attribute, double[] target, double[] prediction)
    {
        var count = new long[attribute.Groups.Count];
        var sum = new double[attribute.Groups.Count];
        var sumSquares = new double[attribute.Groups.Count];
        for (var i = 0; i < target.Length; i++)
        {
            var g = attribute.Codes[i];
            if (g < 0 || double.IsNaN(target[i]) || double.IsNaN(prediction[i]))
            {
                continue;
            }

            var e = Math.Abs(prediction[i] - target[i]);
            count[g]++;
            sum[g] += e;
            sumSquares[g] += e * e;
        }

        return [.. Enumerable.Range(0, count.Length).Select(g =>
        {
            if (count[g] == 0)
            {
                return (0L, 0.0, 0.0);
            }

            var mean = sum[g] / count[g];
            var variance = count[g] > 1 ? Math.Max(0, (sumSquares[g] - (count[g] * mean * mean)) / (count[g] - 1)) : 0;
            return (count[g], mean, Math.Sqrt(variance / count[g]));
        })];
    }

    private static (double Mean, double HalfWidth) MeanAndHalfWidth(double[] values, double confidence)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
        return (mean, Normal.Quantile(1 - ((1 - confidence) / 2)) * Math.Sqrt(variance / values.Length));
    }

    private static double Gaussian(SeededRandom random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
