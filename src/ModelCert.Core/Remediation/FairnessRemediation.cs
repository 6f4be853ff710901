using System.Globalization;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;
using ModelCert.Core.Metrics;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Remediation;

/// <summary>
/// Turns a failed (or uncertain) fairness result into a quantified projection: per-group thresholds that would meet
/// the requirement with their cost in accuracy and selection rates (<see cref="ThresholdProjection"/>), and
/// Kamiran-Calders reweighing weights with their expected effect (<see cref="ReweighingProjection"/>). Both go to
/// <c>details.remediation</c>; one line of it is appended to the result's remediation text.
/// </summary>
public static class FairnessRemediation
{
    public static CheckResult Attach(
        CheckResult result, EvaluationData data, Requirement requirement, ProtectedAttribute attribute, FairnessMetric metric, bool[] include,
        Func<ReadOnlySpan<long>, double?> evaluate)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(attribute);
        ArgumentNullException.ThrowIfNull(include);
        (double, double)? interval = result.Ci is [var low, var high] ? (low, high) : null;
        if (result.Value is not { } value || result.Outcome is Outcome.Pass or Outcome.Skipped or Outcome.Error
            || Decision.Compare(requirement.Threshold, value, interval) == Decision.Side.Clears)
        {
            return result;
        }

        var truth = data.Truth ?? new bool[data.Rows];
        var remediation = new Dictionary<string, object?>();
        var lines = new List<string>();
        if (data.Scores is not { } scores)
        {
            remediation["threshold_adjustment"] = new Dictionary<string, string> { ["reason"] = "no scores, only decisions: thresholds cannot be moved" };
        }
        else
        {
            var projection = Thresholds(data, requirement, attribute, metric, include, evaluate, scores, truth, value, out var reason);
            remediation["threshold_adjustment"] = projection is null ? new Dictionary<string, string> { ["reason"] = reason! } : projection;
            lines.Add(projection is null ? $"no per-group thresholds found: {reason}" : Describe(projection, attribute, requirement));
        }

        if (data.Truth is null)
        {
            remediation["reweighing"] = new Dictionary<string, string> { ["reason"] = "reweighing needs labels" };
        }
        else
        {
            // Weights are per (group, label) and the same whichever label is favourable: they come from the positive-class
            // cells, and the metric reads the weighted cells of the favourable outcome, as the check does.
            var cells = GroupCounter.Count(truth, data.Predicted!, attribute.Codes, attribute.Groups.Count);
            var favourable = data.Favourable;
            var reweighing = Reweighing.Project(cells, attribute.Groups, value, favourable == FavourableOutcome.Positive ? evaluate : weighted =>
            {
                var complemented = weighted.ToArray();
                FavourableOutcomes.Complement(complemented, favourable);
                return evaluate(complemented);
            });
            remediation["reweighing"] = reweighing;
            lines.Add(Describe(reweighing));
        }

        var details = new Dictionary<string, object?>(result.Details ?? new Dictionary<string, object?>()) { ["remediation"] = remediation };
        var projected = "Projected: " + string.Join("; ", lines) + ".";
        return result with { Details = details, Remediation = result.Remediation is { } prose ? $"{prose} {projected}" : projected };
    }

    private static ThresholdProjection? Thresholds(
        EvaluationData data, Requirement requirement, ProtectedAttribute attribute, FairnessMetric metric, bool[] include,
        Func<ReadOnlySpan<long>, double?> evaluate, double[] scores, bool[] truth, double value, out string? reason)
    {
        var input = new RemediationInput
        {
            Groups = GroupScores.Build(scores, truth, attribute.Codes, attribute.Groups.Count, data.Favourable),
            Include = include,
            Metric = metric,
            Threshold = requirement.Threshold,
            BaseThreshold = data.Threshold,
            Labelled = data.Truth is not null,
            TotalRows = data.Rows,
            Evaluate = evaluate,
            Bootstrap = data.Bootstrap,
            Confidence = requirement.Confidence,
            Stream = AttributeCells.StreamOf(attribute.Name + "|remediation"),
        };
        var (thresholds, target, problem) = new ThresholdSearch(input).Run();
        reason = problem;
        if (thresholds is null)
        {
            return null;
        }

        var current = Enumerable.Repeat(data.Threshold, attribute.Groups.Count).ToArray();
        var before = input.CellsAt(current);
        var after = input.CellsAt(thresholds);
        var metricAfter = evaluate(after)!.Value;
        var ci = input.Interval(after, metricAfter);
        var side = Decision.Compare(requirement.Threshold, metricAfter, ci);

        // Rows without a group keep today's decisions; they count in accuracy alike before and after.
        long ungroupedCorrect = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            ungroupedCorrect += attribute.Codes[i] < 0 && truth[i] == data.Predicted![i] ? 1 : 0;
        }

        var present = Enumerable.Range(0, attribute.Groups.Count).Where(g => input.Groups[g].Count > 0).ToList();
        double? Accuracy(long[] cells) => input.Labelled ? (ungroupedCorrect + present.Sum(g => cells[4 * g] + cells[(4 * g) + 3])) / (double)data.Rows : null;
        IReadOnlyDictionary<string, double?> Rates(long[] cells) =>
            new SortedDictionary<string, double?>(present.ToDictionary(g => attribute.Groups[g], g => GroupCounter.Group(cells, g).SelectionRate), StringComparer.Ordinal);
        return new ThresholdProjection(
            new SortedDictionary<string, double>(present.ToDictionary(g => attribute.Groups[g], g => thresholds[g]), StringComparer.Ordinal),
            data.Threshold,
            target,
            value,
            metricAfter,
            ci is { } interval ? [interval.Low, interval.High] : null,
            side == Decision.Side.Clears ? "pass" : "uncertain",
            Accuracy(before),
            Accuracy(after),
            Rates(before),
            Rates(after),
            present.Sum(g => Math.Abs(GroupCounter.Group(after, g).PredictedPositives - GroupCounter.Group(before, g).PredictedPositives)));
    }

    private static string Describe(ThresholdProjection p, ProtectedAttribute attribute, Requirement requirement)
    {
        var moved = p.Thresholds.Where(t => t.Value != p.ThresholdBefore).ToList();
        var listed = string.Join(", ", moved.Take(6).Select(t => Invariant($"{t.Key} {t.Value:0.###}"))) + (moved.Count > 6 ? Invariant($" and {moved.Count - 6} more") : string.Empty);
        var ci = p.MetricAfterCi is [var low, var high] ? Invariant($" (CI [{low:0.###}, {high:0.###}])") : string.Empty;
        var cost = p.AccuracyCostPoints is { } points
            ? Invariant($" at an accuracy cost of {points:0.##} points ({p.AccuracyBefore:0.###} to {p.AccuracyAfter:0.###})")
            : string.Empty;
        var verdict = p.DecisionAfter == "pass" ? $"meets {requirement.Threshold}" : $"meets {requirement.Threshold} on the point estimate only";
        return Invariant($"{attribute.Name} thresholds {listed} instead of {p.ThresholdBefore:0.###} give {p.MetricAfter:0.###}{ci}, which {verdict},{cost}, changing {p.DecisionsChanged} decisions");
    }

    private static string Describe(ReweighingProjection r)
    {
        var weights = r.Weights.Values.OfType<double>().ToList();
        var rate = r.PositiveRateAfter.Values.FirstOrDefault();
        var effect = r.MetricReweighted is { } m
            ? Invariant($"; with today's decisions on rows so weighted the metric would be {m:0.###} ({r.ExpectedChange:+0.###;-0.###;0})")
            : string.Empty;
        return Invariant($"reweighing the training data (Kamiran & Calders) with weights {weights.DefaultIfEmpty().Min():0.###} to {weights.DefaultIfEmpty().Max():0.###} equalizes every group's positive-label rate at {rate:0.###}{effect}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
