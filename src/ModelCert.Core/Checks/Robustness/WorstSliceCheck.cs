using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Searches for data slices (up to <c>max_predicates</c> feature predicates) whose error rate is significantly worse
/// than the rest of the rows, with <see cref="SliceSearch"/>. Error is misclassification (regression: an absolute
/// error above the median absolute error). Each slice gets a one-sided z-test against the rest, and the p-values of
/// every slice tested are corrected with Benjamini-Hochberg. The value is the largest gap (slice error minus overall
/// error) over slices of at least <c>min_slice_size</c> rows with q ≤ <c>alpha</c>, 0 when there is none; its interval
/// is Newcombe's for slice-minus-rest, scaled to slice-minus-overall. The listed slices (<c>top</c>) are the significant
/// ones ordered worst first by SliceLine's score. Needs no model, so it runs in predictions mode.
/// </summary>
public sealed class WorstSliceCheck : ICheck
{
    public const int DefaultBins = 5;
    public const int DefaultMaxPredicates = 3;
    public const double DefaultAlpha = 0.05;
    public const int DefaultTop = 10;
    public const double ScoreWeight = 0.95;

    public string Id => "robustness.worst-slice";

    /// <summary>The default smallest slice: 1% of the rows, at least 30.</summary>
    public static int DefaultMinSliceSize(int rows) => Math.Max(30, (int)Math.Ceiling(rows * 0.01));

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var errors = Errors(data, out var definition);
        if (errors is null)
        {
            return [CheckResults.Skipped(requirement, definition)];
        }

        var columns = SliceColumns.Choose(data, requirement.Parameters.Names("features"), out var problem);
        if (problem is not null)
        {
            return [CheckResults.Error(requirement, problem)];
        }

        var minSize = requirement.Parameters.Integer("min_slice_size", DefaultMinSliceSize(data.Rows));
        var alpha = requirement.Parameters.Number("alpha", DefaultAlpha);
        var top = requirement.Parameters.Integer("top", DefaultTop);
        var bins = requirement.Parameters.Bins ?? DefaultBins;
        var features = columns.Select(c => SliceFeature.Of(c, bins)).ToList();
        var search = SliceSearch.Run(features, errors, minSize, requirement.Parameters.Integer("max_predicates", DefaultMaxPredicates), alpha, top);
        var q = SliceStatistics.BenjaminiHochberg([.. search.Evaluated.Select(s => s.P)]);
        var ranked = search.Evaluated
            .Select((slice, i) => (Slice: slice, Q: q[i], Gap: slice.Error - search.OverallError, Score: Score(slice, search)))
            .Where(s => s.Gap > 0)
            .OrderByDescending(s => s.Q <= alpha)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.Slice.Predicates.Length)
            .ToList();
        var significant = ranked.Where(s => s.Q <= alpha).ToList();
        var listed = (significant.Count > 0 ? significant : ranked).Take(top).ToList();
        var drivers = listed.Where(s => s.Q <= alpha).SelectMany(s => s.Slice.Predicates.Select(p => search.PredicateFeatures[p])).Distinct(StringComparer.Ordinal).ToList();

        var details = new Dictionary<string, object?>
        {
            ["rows"] = search.Rows,
            ["errors"] = search.Errors,
            ["overall_error"] = search.OverallError,
            ["error_definition"] = definition,
            ["min_slice_size"] = minSize,
            ["alpha"] = alpha,
            ["slices_tested"] = search.Evaluated.Count,
            ["significant_slices"] = significant.Count,
            ["features"] = features.Select(f => f.Name).Take(RobustnessDetails.ListLimit).ToList(),
            ["slices"] = listed.Select(s => new Dictionary<string, object?>
            {
                ["slice"] = Describe(search, s.Slice),
                ["size"] = s.Slice.Size,
                ["error"] = s.Slice.Error,
                ["effect"] = SliceStatistics.CohensH(s.Slice.Error, Rest(search, s.Slice)),
                ["gap"] = s.Gap,
                ["score"] = s.Score,
                ["p_value"] = s.Slice.P,
                ["q_value"] = s.Q,
            }).ToList(),
        };
        RobustnessDetails.AddDrivers(details, drivers);

        if (significant.Count == 0)
        {
            var none = RobustnessDetails.Invariant(
                $"no slice of at least {minSize} rows has a significantly higher error than the rest (BH q <= {alpha}) among {search.Evaluated.Count} tested; overall error {RobustnessDetails.Format(search.OverallError)}");
            return [CheckResults.Decide(requirement, new Measurement(0, null, search.Rows), details: details, note: none)];
        }

        var worst = significant.OrderByDescending(s => s.Gap).ThenByDescending(s => s.Slice.Size).First();
        var slice = worst.Slice;
        var text = Describe(search, slice);
        var scale = 1 - ((double)slice.Size / search.Rows);
        var interval = SliceStatistics.Difference(slice.Errors, slice.Size, search.Errors - slice.Errors, search.Rows - slice.Size, requirement.Confidence) is var (low, high)
            ? (low * scale, high * scale)
            : ((double, double)?)null;
        var note = RobustnessDetails.Invariant(
            $"the largest significant gap is in slice '{text}' ({slice.Size} rows): error {RobustnessDetails.Format(slice.Error)} against {RobustnessDetails.Format(search.OverallError)} overall (q = {worst.Q:0.###E+0}); {significant.Count} of {search.Evaluated.Count} slices tested are significantly worse");
        if (!ReferenceEquals(significant[0].Slice, slice))
        {
            note += $"; the worst slice by SliceLine score is '{Describe(search, significant[0].Slice)}' ({significant[0].Slice.Size} rows, error {RobustnessDetails.Format(significant[0].Slice.Error)})";
        }

        note += "; " + RobustnessDetails.DriverNote(drivers, "features in the worst slices");
        return [CheckResults.Decide(requirement, new Measurement(worst.Gap, interval, slice.Size), details: details, note: note)];
    }

    private static string Describe(SliceSearch search, Slice slice) => string.Join(" and ", slice.Predicates.Select(p => search.Predicates[p]));

    /// <summary>
    /// SliceLine's score, which ranks the list: α (slice error / overall error − 1) − (1 − α) (rows / slice rows − 1)
    /// with α = <see cref="ScoreWeight"/>, so a large slice clearly worse outranks a tiny one a little worse still.
    /// </summary>
    private static double Score(Slice slice, SliceSearch search) =>
        (ScoreWeight * ((slice.Error / search.OverallError) - 1)) - ((1 - ScoreWeight) * (((double)search.Rows / slice.Size) - 1));

    private static double Rest(SliceSearch search, Slice slice) =>
        search.Rows == slice.Size ? 0 : (double)(search.Errors - slice.Errors) / (search.Rows - slice.Size);

    /// <summary>Per-row errors: misclassification, or (regression) an absolute error above the median; null with the reason when there are no labels.</summary>
    private static bool[]? Errors(EvaluationData data, out string definition)
    {
        if (data.Task == ModelTask.BinaryClassification)
        {
            if (data.Truth is not { } truth || data.Predicted is not { } predicted)
            {
                definition = "no labels: the submission names no label column, so errors cannot be counted";
                return null;
            }

            definition = "misclassification (decision differs from the label)";
            return [.. truth.Select((t, i) => t != predicted[i])];
        }

        if (data.Target is not { } target || data.Scores is not { } scores)
        {
            definition = "no labels: the submission names no target column, so errors cannot be measured";
            return null;
        }

        var absolute = target.Select((t, i) => Math.Abs(scores[i] - t)).ToArray();
        var finite = absolute.Where(double.IsFinite).Order().ToArray();
        var median = finite.Length == 0 ? 0 : finite[finite.Length / 2];
        definition = RobustnessDetails.Invariant($"absolute error above the median absolute error {median:G6} (or not a number)");
        return [.. absolute.Select(e => !(e <= median))];
    }
}
