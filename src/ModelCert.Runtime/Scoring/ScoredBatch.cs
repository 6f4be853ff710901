namespace ModelCert.Runtime.Scoring;

/// <summary>
/// The model's answer for a run of rows: the score (positive-class probability, or the regressor's prediction)
/// and the class it outputs (numeric or text; for a regressor the label is absent).
/// </summary>
public sealed record ScoredBatch(long FirstRow, int Count, double[] Scores, long[]? Labels, string[]? TextLabels)
{
    public string FormatLabel(int i) =>
        TextLabels is not null ? TextLabels[i]
        : Labels is not null ? Labels[i].ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Empty;
}
