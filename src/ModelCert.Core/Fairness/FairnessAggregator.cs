using ModelCert.Core.Metrics;

namespace ModelCert.Core.Fairness;

/// <summary>
/// Computes a disparity aggregate from per-group confusion cells (4 per group) under a definition profile.
/// The same code serves the point estimate and every bootstrap replicate, so they cannot disagree.
/// Groups not in <c>include</c> are left out (too small, or under the share floor).
/// </summary>
public static class FairnessAggregator
{
    public static double? Compute(
        FairnessMetric metric, ReadOnlySpan<long> cells, ReadOnlySpan<bool> include, DefinitionProfile profile, int privileged = -1) =>
        metric switch
        {
            FairnessMetric.DemographicParityDifference => Spread(GroupRateKind.SelectionRate, cells, include, profile, privileged).Difference,
            FairnessMetric.DemographicParityRatio => Spread(GroupRateKind.SelectionRate, cells, include, profile, privileged).Ratio,
            FairnessMetric.EqualOpportunityDifference => Spread(GroupRateKind.Tpr, cells, include, profile, privileged).Difference,
            FairnessMetric.EqualOpportunityRatio => Spread(GroupRateKind.Tpr, cells, include, profile, privileged).Ratio,
            FairnessMetric.PredictiveParityDifference => Spread(GroupRateKind.Precision, cells, include, profile, privileged).Difference,
            FairnessMetric.PredictiveParityRatio => Spread(GroupRateKind.Precision, cells, include, profile, privileged).Ratio,
            FairnessMetric.FprDifference => Spread(GroupRateKind.Fpr, cells, include, profile, privileged).Difference,
            FairnessMetric.AccuracyDifference => Spread(GroupRateKind.Accuracy, cells, include, profile, privileged).Difference,
            FairnessMetric.EqualizedOddsDifference => Worst(
                Spread(GroupRateKind.Tpr, cells, include, profile, privileged).Difference,
                Spread(GroupRateKind.Fpr, cells, include, profile, privileged).Difference,
                larger: true,
                profile),
            FairnessMetric.EqualizedOddsRatio => Worst(
                Spread(GroupRateKind.Tpr, cells, include, profile, privileged).Ratio,
                Spread(GroupRateKind.Fpr, cells, include, profile, privileged).Ratio,
                larger: false,
                profile),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
        };

    /// <summary>A group's rate from its cells; null for a zero denominator under every profile but fairlearn (0).</summary>
    public static double? Rate(GroupRateKind kind, ConfusionCounts counts, DefinitionProfile profile)
    {
        var rate = kind switch
        {
            GroupRateKind.SelectionRate => counts.SelectionRate,
            GroupRateKind.Tpr => counts.Tpr,
            GroupRateKind.Fpr => counts.Fpr,
            GroupRateKind.Fnr => counts.Fnr,
            GroupRateKind.Precision => counts.Precision,
            _ => counts.Accuracy,
        };
        return rate ?? (profile == DefinitionProfile.Fairlearn ? 0 : null);
    }

    /// <summary>Difference and ratio of one rate across the included groups (min/max, or against the privileged group for aif360).</summary>
    public static (double? Difference, double? Ratio) Spread(
        GroupRateKind kind, ReadOnlySpan<long> cells, ReadOnlySpan<bool> include, DefinitionProfile profile, int privileged = -1)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        double? reference = null;
        var groups = cells.Length / 4;
        for (var g = 0; g < groups; g++)
        {
            if (!include[g] || Rate(kind, ConfusionCounts.FromCells(cells.Slice(g * 4, 4)), profile) is not { } rate)
            {
                continue;
            }

            if (profile == DefinitionProfile.Aif360 && g == privileged)
            {
                reference = rate;
                continue;
            }

            min = Math.Min(min, rate);
            max = Math.Max(max, rate);
        }

        if (profile == DefinitionProfile.Aif360)
        {
            return AgainstPrivileged(reference, min, max);
        }

        if (double.IsInfinity(min))
        {
            return (null, null);
        }

        double? ratio = max == 0 ? (profile == DefinitionProfile.Fairlearn ? double.NaN : null) : min / max;
        return (max - min, ratio);
    }

    /// <summary>aif360: unprivileged minus privileged, and their ratio, for the unprivileged group farthest from parity.</summary>
    private static (double? Difference, double? Ratio) AgainstPrivileged(double? reference, double min, double max)
    {
        if (reference is not { } p || double.IsInfinity(min))
        {
            return (null, null);
        }

        var worst = Math.Abs(min - p) >= Math.Abs(max - p) ? min : max;
        if (p == 0)
        {
            return (worst - p, null);
        }

        var lowRatio = min / p;
        var highRatio = max / p;
        var ratio = Math.Min(lowRatio, 1 / Math.Max(highRatio, double.Epsilon)) == lowRatio ? lowRatio : highRatio;
        return (worst - p, ratio);
    }

    private static double? Worst(double? a, double? b, bool larger, DefinitionProfile profile)
    {
        if (a is null || b is null)
        {
            return profile == DefinitionProfile.Strict ? a ?? b : null;
        }

        if (profile == DefinitionProfile.Aif360)
        {
            return larger ? (Math.Abs(a.Value) >= Math.Abs(b.Value) ? a : b) : (Math.Abs(1 - a.Value) >= Math.Abs(1 - b.Value) ? a : b);
        }

        return larger ? Math.Max(a.Value, b.Value) : Math.Min(a.Value, b.Value);
    }
}
