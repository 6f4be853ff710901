using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;
using ModelCert.Core.Remediation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Fairness;

/// <summary>
/// A disparity between groups (difference or ratio of a rate) for each selected protected attribute and
/// intersection, decided on its count-bootstrap interval. One result per attribute.
/// </summary>
public sealed class DisparityCheck(string id, FairnessMetric metric, bool needsLabels) : ICheck
{
    public string Id { get; } = id;

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var guard = data.Task != ModelTask.BinaryClassification ? "applies to classifiers only"
            : data.Predicted is null ? "needs decisions (scores and a threshold, or predictions)"
            : needsLabels && data.Truth is null ? "needs a label column (--label)"
            : data.Attributes.Count == 0 ? "no protected attributes were given (--protected)"
            : null;
        if (guard is not null)
        {
            return [CheckResults.Skipped(requirement, guard)];
        }

        var (selected, missing) = AttributeSelection.Select(data, requirement.Parameters);
        if (selected.Count == 0)
        {
            return [CheckResults.Skipped(requirement, $"none of its attributes ({string.Join(", ", missing)}) is a protected attribute of this submission (have: {string.Join(", ", data.Attributes.Select(a => a.Name))})")];
        }

        return [.. selected.Select(attribute => EvaluateAttribute(data, requirement, attribute))];
    }

    private CheckResult EvaluateAttribute(EvaluationData data, Requirement requirement, ProtectedAttribute attribute)
    {
        var suite = data.Metrics;
        var cells = suite.Cells(attribute);
        var privileged = -1;
        if (data.Profile == DefinitionProfile.Aif360)
        {
            if (!(requirement.Parameters.Privileged.TryGetValue(attribute.Name, out var privilegedName)
                    || data.Privileged.TryGetValue(attribute.Name, out privilegedName))
                || (privileged = MetricSuite.IndexOf(attribute, privilegedName)) < 0)
            {
                return CheckResults.Error(requirement, $"the aif360 profile compares groups with a privileged one; name it for '{attribute.Name}' with --privileged or params.privileged (groups: {string.Join(", ", attribute.Groups)})", attribute.Name);
            }
        }

        var eligibility = GroupEligibility.Of(attribute.Groups, g => cells.Group(g).Count, requirement);
        if (privileged >= 0)
        {
            eligibility.Include[privileged] = true;
        }

        var measurement = suite.Disparity(attribute, metric, eligibility.Include, privileged, requirement.Confidence);
        if (data.Profile == DefinitionProfile.Aif360 && IsDifference && measurement.Value is { } signed)
        {
            measurement = measurement with { Value = Math.Abs(signed), Interval = Absolute(measurement.Interval) };
        }

        var notes = new List<string>();
        if (data.Favourable == FavourableOutcome.Negative)
        {
            notes.Add("rates are of the favourable outcome, the negative class: a favourable decision is a score at or below the threshold, a favourable label any value but the positive one");
        }

        if (Extremes(data, attribute, cells, eligibility.Include) is { } extremes)
        {
            notes.Add(extremes);
        }

        if (eligibility.Note(requirement) is { } groupNote)
        {
            notes.Add(groupNote);
        }

        if (Undefined(attribute, cells, eligibility.Include) is { Count: > 0 } undefined)
        {
            notes.Add($"rates with a zero denominator are {(data.Profile == DefinitionProfile.Fairlearn ? "counted as 0 (fairlearn profile)" : "left out")}: {string.Join(", ", undefined)}");
        }

        var result = CheckResults.Decide(requirement, measurement, attribute.Name, Details(attribute, cells, eligibility, requirement), notes.Count == 0 ? null : string.Join("; ", notes));

        // A miss comes with a projected fix: per-group thresholds and reweighing weights, each with its effect.
        var include = eligibility.Include;
        double? Measure(ReadOnlySpan<long> c)
        {
            var v = FairnessAggregator.Compute(metric, c, include, data.Profile, privileged);
            return v is { } signed && data.Profile == DefinitionProfile.Aif360 && IsDifference ? Math.Abs(signed) : v;
        }

        result = FairnessRemediation.Attach(result, data, requirement, attribute, metric, include, Measure);
        return result.Outcome == Outcome.Pass && eligibility.TooSmall.Count > 0
            ? result with { Outcome = Outcome.Review, Remediation = requirement.Remediation ?? "Collect more data for the small groups, or have a validator judge them." }
            : result;
    }

    /// <summary>Names the groups with the lowest and highest rate behind the aggregate, so a reader sees who is behind.</summary>
    private string? Extremes(EvaluationData data, ProtectedAttribute attribute, AttributeCells cells, bool[] include)
    {
        var kind = metric switch
        {
            FairnessMetric.DemographicParityDifference or FairnessMetric.DemographicParityRatio => GroupRateKind.SelectionRate,
            FairnessMetric.PredictiveParityDifference or FairnessMetric.PredictiveParityRatio => GroupRateKind.Precision,
            FairnessMetric.FprDifference => GroupRateKind.Fpr,
            FairnessMetric.AccuracyDifference => GroupRateKind.Accuracy,
            _ => GroupRateKind.Tpr,
        };
        var rates = Enumerable.Range(0, cells.GroupCount)
            .Where(g => include[g])
            .Select(g => (Group: attribute.Groups[g], Rate: FairnessAggregator.Rate(kind, cells.Group(g), data.Profile)))
            .Where(r => r.Rate is not null)
            .ToList();
        if (rates.Count < 2)
        {
            return null;
        }

        var low = rates.MinBy(r => r.Rate!.Value);
        var high = rates.MaxBy(r => r.Rate!.Value);
        var name = kind == GroupRateKind.SelectionRate
            ? data.Favourable == FavourableOutcome.Negative ? "favourable-outcome rate" : "selection rate"
            : kind.ToString().ToLowerInvariant();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lowest {name} {low.Group} {low.Rate:0.###}, highest {high.Group} {high.Rate:0.###}");
    }

    private bool IsDifference => metric is FairnessMetric.DemographicParityDifference or FairnessMetric.EqualizedOddsDifference
        or FairnessMetric.EqualOpportunityDifference or FairnessMetric.PredictiveParityDifference or FairnessMetric.FprDifference or FairnessMetric.AccuracyDifference;

    private static (double Low, double High)? Absolute((double Low, double High)? interval) => interval is not { } i ? null
        : i.Low <= 0 && i.High >= 0 ? (0, Math.Max(-i.Low, i.High))
        : (Math.Min(Math.Abs(i.Low), Math.Abs(i.High)), Math.Max(Math.Abs(i.Low), Math.Abs(i.High)));

    private List<string> Undefined(ProtectedAttribute attribute, AttributeCells cells, bool[] include)
    {
        var kinds = metric switch
        {
            FairnessMetric.DemographicParityDifference or FairnessMetric.DemographicParityRatio => [],
            FairnessMetric.EqualOpportunityDifference or FairnessMetric.EqualOpportunityRatio => [GroupRateKind.Tpr],
            FairnessMetric.EqualizedOddsDifference or FairnessMetric.EqualizedOddsRatio => [GroupRateKind.Tpr, GroupRateKind.Fpr],
            FairnessMetric.FprDifference => [GroupRateKind.Fpr],
            FairnessMetric.PredictiveParityDifference or FairnessMetric.PredictiveParityRatio => new[] { GroupRateKind.Precision },
            _ => [],
        };
        return [.. Enumerable.Range(0, cells.GroupCount)
            .Where(g => include[g])
            .SelectMany(g => kinds.Where(k => FairnessAggregator.Rate(k, cells.Group(g), DefinitionProfile.Strict) is null)
                .Select(k => $"{attribute.Groups[g]}: {k.ToString().ToLowerInvariant()}"))];
    }

    /// <summary>Group sizes, and which groups were too small to decide on (the report marks them in its charts).</summary>
    private static Dictionary<string, object?> Details(ProtectedAttribute attribute, AttributeCells cells, GroupEligibility eligibility, Requirement requirement) => new()
    {
        ["groups"] = Enumerable.Range(0, cells.GroupCount)
            .Where(g => cells.Group(g).Count > 0)
            .ToDictionary(g => attribute.Groups[g], g => cells.Group(g).Count),
        ["min_group_size"] = requirement.Parameters.MinGroupSize ?? requirement.MinSample,
        ["small_groups"] = Enumerable.Range(0, cells.GroupCount)
            .Where(g => cells.Group(g).Count > 0 && !eligibility.Include[g])
            .Select(g => attribute.Groups[g])
            .ToList(),
    };
}
