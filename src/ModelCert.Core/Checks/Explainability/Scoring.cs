namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Runs work that re-scores the model and turns a model that refuses the data (an <see cref="InputException"/>:
/// a value it cannot take) into a reason, since a check reports bad data as an error result and never throws.
/// </summary>
internal static class Scoring
{
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
    }
}
