using FsCheck;
using FsCheck.Fluent;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;

namespace ModelCert.Core.Tests.Properties;

/// <summary>
/// FsCheck generators of random evaluations: 1..500 rows; base rates from none to all positive; scores continuous
/// or on a few levels (many ties, exact 0 and 1); decisions from a threshold or independent of the score; one or two
/// protected attributes of 1..5 groups with some values missing (code -1), and their intersection when there are two.
/// </summary>
internal static class EvaluationCases
{
    public const int MaxRows = 500;

    public static Gen<EvaluationCase> Cases(int maxRows = MaxRows) =>
        from rows in Gen.Choose(1, maxRows)
        from positivePercent in Gen.Elements(0, 5, 30, 50, 70, 95, 100)
        from truth in Gen.ArrayOf(Percent(positivePercent), rows)
        from levels in Gen.Elements(0, 2, 3, 11, 50)
        from scores in Gen.ArrayOf(Score(levels), rows)
        from predicted in Decisions(scores)
        from attributes in Attributes(rows)
        from profile in Gen.Elements(DefinitionProfile.Strict, DefinitionProfile.Fairlearn)
        select new EvaluationCase(truth, predicted, scores, attributes, profile);

    /// <summary>A case with a permutation of its rows.</summary>
    public static Gen<(EvaluationCase Case, int[] Order)> CasesWithOrder() =>
        from c in Cases()
        from order in Permutation(c.Rows)
        select (c, order);

    /// <summary>A case with a permutation of group ids for each possible group count (index by count).</summary>
    public static Gen<(EvaluationCase Case, int[][] Maps)> CasesWithGroupMaps() =>
        from c in Cases()
        from maps in Gen.CollectToArray(Enumerable.Range(0, 26), Permutation)
        select (c, maps);

    public static Gen<int[]> Permutation(int length) => Gen.Shuffle(Enumerable.Range(0, length).ToArray());

    /// <summary>True with the given percentage.</summary>
    public static Gen<bool> Percent(int percent) => Gen.Choose(0, 99).Select(x => x < percent);

    /// <summary>Continuous in [0, 1] when <paramref name="levels"/> is 0, else one of that many evenly spaced values from 0 to 1.</summary>
    public static Gen<double> Score(int levels) =>
        levels == 0
            ? Gen.Choose(0, int.MaxValue).Select(x => x / (double)int.MaxValue)
            : Gen.Choose(0, levels - 1).Select(x => x / (double)(levels - 1));

    private static Gen<bool[]> Decisions(double[] scores) =>
        from independent in Gen.Elements(false, true)
        from threshold in Gen.Elements(0.0, 0.3, 0.5, 0.9, 1.0)
        from coins in Gen.ArrayOf(Percent(50), scores.Length)
        select independent ? coins : scores.Select(s => s > threshold).ToArray();

    private static Gen<IReadOnlyList<ProtectedAttribute>> Attributes(int rows) =>
        from count in Gen.Choose(1, 2)
        from first in Attribute("sex", rows)
        from second in Attribute("race", rows)
        select count == 1
            ? (IReadOnlyList<ProtectedAttribute>)[first]
            : [first, second, EvaluationColumns.Intersect(first, second)];

    private static Gen<ProtectedAttribute> Attribute(string name, int rows) =>
        from groups in Gen.Choose(1, 5)
        from missingPercent in Gen.Elements(0, 0, 10, 50)
        from codes in Gen.ArrayOf(Code(groups, missingPercent), rows)
        select new ProtectedAttribute(name, codes, [.. Enumerable.Range(0, groups).Select(g => $"{name}{g}")]);

    private static Gen<int> Code(int groups, int missingPercent) =>
        from missing in Percent(missingPercent)
        from code in Gen.Choose(0, groups - 1)
        select missing ? -1 : code;
}
