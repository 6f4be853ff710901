using ModelCert.Core.Results;
using Xunit;

namespace ModelCert.Core.Tests.Properties;

/// <summary>Field-by-field comparisons of results sections, naming the field that differs.</summary>
internal static class Sections
{
    /// <summary>The performance metrics' point values; score metrics (sums in another order) within <paramref name="relative"/>.</summary>
    public static void SameValues(PerformanceSection expected, PerformanceSection actual, double relative, string because)
    {
        Assert.True(expected.N == actual.N, $"{because}: n {expected.N} vs {actual.N}");
        Assert.True(expected.ConfusionMatrix == actual.ConfusionMatrix, $"{because}: confusion matrix {expected.ConfusionMatrix} vs {actual.ConfusionMatrix}");
        foreach (var (name, value) in Values(expected))
        {
            Approx.Equal(value, Values(actual)[name], relative, $"{because}: {name}");
        }
    }

    public static Dictionary<string, double?> Values(PerformanceSection section) => new(StringComparer.Ordinal)
    {
        ["base_rate"] = section.BaseRate,
        ["selection_rate"] = section.SelectionRate,
        ["accuracy"] = section.Accuracy,
        ["precision"] = section.Precision,
        ["recall"] = section.Recall,
        ["f1"] = section.F1,
        ["roc_auc"] = section.RocAuc,
        ["log_loss"] = section.LogLoss,
        ["brier"] = section.Brier,
        ["ece"] = section.Ece,
    };

    /// <summary>Every group rate and every aggregate of every attribute, by attribute and group name.</summary>
    public static void SameValues(
        IReadOnlyDictionary<string, AttributeSection> expected, IReadOnlyDictionary<string, AttributeSection> actual, string because)
    {
        Assert.True(expected.Keys.SequenceEqual(actual.Keys), $"{because}: attributes [{string.Join(", ", expected.Keys)}] vs [{string.Join(", ", actual.Keys)}]");
        foreach (var (name, section) in expected)
        {
            var other = actual[name];
            Assert.True(section.MissingValues == other.MissingValues, $"{because}: {name} missing values {section.MissingValues} vs {other.MissingValues}");
            foreach (var (metric, value) in Aggregates(section))
            {
                Approx.Equal(value, Aggregates(other)[metric], 1e-12, $"{because}: {name} {metric}");
            }

            Assert.True(section.Groups.Keys.SequenceEqual(other.Groups.Keys), $"{because}: {name} groups [{string.Join(", ", section.Groups.Keys)}] vs [{string.Join(", ", other.Groups.Keys)}]");
            foreach (var (group, rates) in section.Groups)
            {
                Assert.True(rates.Count == other.Groups[group].Count, $"{because}: {name}/{group} count {rates.Count} vs {other.Groups[group].Count}");
                foreach (var (rate, value) in Rates(rates))
                {
                    Approx.Equal(value, Rates(other.Groups[group])[rate], 1e-12, $"{because}: {name}/{group} {rate}");
                }
            }
        }
    }

    /// <summary>Intervals keyed by metric name, compared exactly.</summary>
    public static void SameIntervals(
        IReadOnlyDictionary<string, double[]> expected, IReadOnlyDictionary<string, double[]> actual, IEnumerable<string> names, string because)
    {
        foreach (var name in names)
        {
            var e = expected.TryGetValue(name, out var x) ? x : null;
            var a = actual.TryGetValue(name, out var y) ? y : null;
            Assert.True(
                (e is null && a is null) || (e is not null && a is not null && e.SequenceEqual(a)),
                $"{because}: {name} interval {Show(e)} vs {Show(a)}");
        }
    }

    public static Dictionary<string, double?> Aggregates(AttributeSection section) => new(StringComparer.Ordinal)
    {
        ["demographic_parity_difference"] = section.DemographicParityDifference,
        ["demographic_parity_ratio"] = section.DemographicParityRatio,
        ["equalized_odds_difference"] = section.EqualizedOddsDifference,
        ["equalized_odds_ratio"] = section.EqualizedOddsRatio,
        ["equal_opportunity_difference"] = section.EqualOpportunityDifference,
        ["equal_opportunity_ratio"] = section.EqualOpportunityRatio,
        ["predictive_parity_difference"] = section.PredictiveParityDifference,
        ["predictive_parity_ratio"] = section.PredictiveParityRatio,
        ["fpr_difference"] = section.FprDifference,
        ["accuracy_difference"] = section.AccuracyDifference,
    };

    public static Dictionary<string, double?> Rates(GroupSection group) => new(StringComparer.Ordinal)
    {
        ["share"] = group.Share,
        ["selection_rate"] = group.SelectionRate,
        ["tpr"] = group.Tpr,
        ["fpr"] = group.Fpr,
        ["fnr"] = group.Fnr,
        ["precision"] = group.Precision,
        ["accuracy"] = group.Accuracy,
    };

    public static string Show(double[]? interval) => interval is null ? "none" : $"[{string.Join(", ", interval.Select(v => Approx.Show(v)))}]";
}
