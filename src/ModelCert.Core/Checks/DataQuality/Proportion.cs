using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>Measurements and wording shared by the data-quality checks.</summary>
internal static class Proportion
{
    /// <summary>Most entries a details list keeps, so results stay small on wide data.</summary>
    public const int DetailLimit = 50;

    /// <summary>successes / trials with its Wilson interval at <paramref name="confidence"/>.</summary>
    public static Measurement Measure(long successes, long trials, double confidence)
    {
        if (trials <= 0)
        {
            return Measurement.Undefined("there are no rows to take a share of", 0);
        }

        if (!(confidence > 0 && confidence < 1))
        {
            return Measurement.Undefined(Invariant($"the confidence level {confidence} is not between 0 and 1"), trials);
        }

        return new Measurement((double)successes / trials, WilsonInterval.Compute(successes, trials, confidence), trials);
    }

    public static string NoRows(EvaluationData data, string what) => $"{data.TestOrigin} has no rows, so {what} cannot be measured";

    /// <summary>"1 row" or "3 rows", for messages.</summary>
    public static string Rows(long count) => count == 1 ? "1 row" : Invariant($"{count} rows");

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
