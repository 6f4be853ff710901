using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Runs work that re-scores the model and turns a model that refuses the data (an <see cref="InputException"/>:
/// a value it cannot take, or scores that are not finite) or an explanation that cannot be determined (too few
/// coalitions) into a reason, since a check reports bad data as an error result and never throws.
/// </summary>
internal static class Scoring
{
    /// <summary>Scores a frame and refuses non-finite scores, which no explanation or metric can use.</summary>
    public static double[] Finite(IFrameScorer model, Frame frame)
    {
        var scores = model.Score(frame);
        var bad = Array.FindIndex(scores, s => !double.IsFinite(s));
        return bad < 0
            ? scores
            : throw new InputException(FormattableString.Invariant($"the model returned {scores[bad]} for a re-scored row (row {bad} of a batch of {scores.Length}); explanations need finite scores"));
    }

    public static (T Result, string? Problem) Guard<T>(Func<T> work)
    {
        try
        {
            return (work(), null);
        }
        catch (InputException ex)
        {
            return (default!, $"the model could not re-score the data: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            return (default!, ex.Message);
        }
    }
}
