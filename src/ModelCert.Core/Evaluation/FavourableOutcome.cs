namespace ModelCert.Core.Evaluation;

/// <summary>
/// Which decision is the favourable one for the people scored, as AIF360's <c>favorable_label</c>. The positive class
/// (score above the threshold) is favourable for an approval or income model; the negative class is for a
/// probability-of-default or re-arrest model, where being flagged is the adverse outcome. Fairness rates, adverse-action
/// reasons and remediation are measured on the favourable outcome; performance metrics stay about the positive class.
/// </summary>
public enum FavourableOutcome
{
    /// <summary>The positive class is favourable: decision favourable when score &gt; threshold, label when it is the positive value.</summary>
    Positive,

    /// <summary>The negative class is favourable: decision favourable when score &lt;= threshold, label when it is not the positive value.</summary>
    Negative,
}

/// <summary>Names and the complement of confusion cells for <see cref="FavourableOutcome"/>.</summary>
public static class FavourableOutcomes
{
    /// <summary>The accepted names, as written in a submission and results.json.</summary>
    public static IReadOnlyList<string> Names { get; } = ["positive", "negative"];

    public static string Name(FavourableOutcome outcome) => outcome == FavourableOutcome.Negative ? "negative" : "positive";

    /// <summary>The outcome named <paramref name="name"/> (case-insensitive), or null when it is not one of <see cref="Names"/>.</summary>
    public static FavourableOutcome? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "positive" => FavourableOutcome.Positive,
        "negative" => FavourableOutcome.Negative,
        _ => null,
    };

    /// <summary>
    /// Turns confusion cells counted for the positive class (4 per group: TN, FP, FN, TP, at <c>2 * truth + decision</c>)
    /// into cells of the favourable outcome, in place. Under <see cref="FavourableOutcome.Negative"/> label and decision
    /// are both complemented, which reverses each group's four cells (TN and TP swap, FP and FN swap); under
    /// <see cref="FavourableOutcome.Positive"/> nothing changes. Doing it on the cells, not the rows, keeps the default
    /// path free of copies and costs four swaps per group.
    /// </summary>
    public static void Complement(Span<long> cells, FavourableOutcome outcome)
    {
        if (cells.Length % 4 != 0)
        {
            throw new ArgumentException($"Confusion cells come in fours; got {cells.Length}.", nameof(cells));
        }

        if (outcome == FavourableOutcome.Positive)
        {
            return;
        }

        for (var g = 0; g < cells.Length; g += 4)
        {
            cells.Slice(g, 4).Reverse();
        }
    }

    /// <summary>One group's cells of the favourable outcome (see <see cref="Complement(Span{long}, FavourableOutcome)"/>).</summary>
    public static Metrics.ConfusionCounts Complement(Metrics.ConfusionCounts counts, FavourableOutcome outcome) =>
        outcome == FavourableOutcome.Negative ? new(counts.Tp, counts.Fn, counts.Fp, counts.Tn) : counts;
}
