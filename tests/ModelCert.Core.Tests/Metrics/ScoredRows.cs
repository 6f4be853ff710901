using FsCheck;
using FsCheck.Fluent;
using ModelCert.Core.Tests.Properties;

namespace ModelCert.Core.Tests.Metrics;

/// <summary>Random scored rows for cross-checks: scores on few levels (many ties) or continuous, labels of any balance.</summary>
internal sealed record ScoredRows(double[] Scores, bool[] Truth)
{
    public static Gen<ScoredRows> Any(int maxRows = 300) =>
        from rows in Gen.Choose(1, maxRows)
        from levels in Gen.Elements(0, 2, 3, 5, 11)
        from positivePercent in Gen.Elements(0, 10, 50, 90, 100)
        from scores in Gen.ArrayOf(EvaluationCases.Score(levels), rows)
        from truth in Gen.ArrayOf(EvaluationCases.Percent(positivePercent), rows)
        select new ScoredRows(scores, truth);

    public override string ToString() =>
        $"{Scores.Length} rows: " + string.Join(" ", Scores.Zip(Truth, (s, t) => $"{Approx.Show(s)}{(t ? "+" : "-")}").Take(20)) + (Scores.Length > 20 ? " ..." : string.Empty);
}
