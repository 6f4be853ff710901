namespace ModelCert.Core.Checks;

/// <summary>Which side of the threshold is good for a measurement.</summary>
public enum Direction
{
    /// <summary>Bigger is better; a threshold is a floor (<c>min</c>).</summary>
    HigherIsBetter,

    /// <summary>Smaller is better; a threshold is a ceiling (<c>max</c>).</summary>
    LowerIsBetter,
}

/// <summary>What a check needs before it can run; a submission lacking it gets the check <c>skipped</c> with the reason.</summary>
[Flags]
public enum CheckNeeds
{
    None = 0,
    Labels = 1,
    Scores = 2,
    RunnableModel = 4,
    ProtectedAttributes = 8,
    TrainingData = 16,
    Regression = 32,
    Classification = 64,
    ShiftedData = 128,
}

/// <summary>
/// A check the policy language can name. The id is stable: policies, results and evidence all use it.
/// <paramref name="Parameters"/> lists the parameter names a requirement may set for it.
/// </summary>
public sealed record CheckDefinition(
    string Id,
    string Title,
    Direction Direction,
    CheckNeeds Needs,
    IReadOnlyList<string> Parameters,
    string Description)
{
    public string Family => Id[..Id.IndexOf('.', StringComparison.Ordinal)];
}
