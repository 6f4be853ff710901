using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Scores a changed frame, turning a value the model cannot take (<see cref="InputException"/>) into a reason to
/// report: for robustness checks a rejected input is a finding, never a crash.
/// </summary>
internal static class ModelScoring
{
    public static double[]? TryScore(IFrameScorer model, Frame frame, out string? problem)
    {
        try
        {
            var scores = model.Score(frame);
            if (scores.Length != frame.RowCount)
            {
                problem = $"the model returned {scores.Length} scores for {frame.RowCount} rows";
                return null;
            }

            problem = null;
            return scores;
        }
        catch (InputException ex)
        {
            problem = ex.Message;
            return null;
        }
    }

    /// <summary>The decision rule of the evaluation: positive when the score is above the threshold; NaN is negative.</summary>
    public static bool[] Decide(double[] scores, double threshold)
    {
        var decisions = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            decisions[i] = scores[i] > threshold;
        }

        return decisions;
    }

    /// <summary>Rows whose decision differs, counting a row whose changed score is not a number as changed.</summary>
    public static int Flips(bool[] clean, double[] changed, double threshold, out int undefined)
    {
        var flips = 0;
        undefined = 0;
        for (var i = 0; i < clean.Length; i++)
        {
            if (double.IsNaN(changed[i]))
            {
                undefined++;
                flips++;
            }
            else if ((changed[i] > threshold) != clean[i])
            {
                flips++;
            }
        }

        return flips;
    }
}
