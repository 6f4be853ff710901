using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Tests.Checks.DataQuality;

/// <summary>
/// Seeded random evaluation data with few distinct values per column (so rows repeat), every kind, missing values,
/// NaN and -0.0, labels and a protected attribute with missing codes.
/// </summary>
internal static class RandomFrames
{
    private static readonly string[] Words = ["a", "b", "c"];
    private static readonly double[] Reals = [0.5, 1.5, double.NaN, -0.0, 0.0];

    public static EvaluationData Data(ulong seed, int rows, Frame? train = null)
    {
        var random = new SeededRandom(seed);
        var frame = Frame(random, rows, integersAsDoubles: false, dictionaryFirst: []);
        var codes = Enumerable.Range(0, rows).Select(_ => random.NextInt(4) - 1).ToArray();
        var truth = Enumerable.Range(0, rows).Select(_ => random.NextInt(2) == 1).ToArray();
        return TestRequirements.Data(frame, train, attributes: [new ProtectedAttribute("group", codes, ["x", "y", "z"])], truth: truth);
    }

    /// <summary>
    /// A random frame; <paramref name="integersAsDoubles"/> stores column i as Float64 (for leakage across kinds), and
    /// <paramref name="dictionaryFirst"/> seeds the string dictionary in another order than first use.
    /// </summary>
    public static Frame Frame(SeededRandom random, int rows, bool integersAsDoubles, IReadOnlyList<string> dictionaryFirst)
    {
        long?[] integers = [.. Enumerable.Range(0, rows).Select(_ => random.NextInt(10) == 0 ? null : (long?)random.NextInt(3))];
        double?[] reals = [.. Enumerable.Range(0, rows).Select(_ => random.NextInt(10) == 0 ? null : (double?)Reals[random.NextInt(Reals.Length)])];
        bool?[] flags = [.. Enumerable.Range(0, rows).Select(_ => random.NextInt(10) == 0 ? null : (bool?)(random.NextInt(2) == 1))];
        string?[] words = [.. Enumerable.Range(0, rows).Select(_ => random.NextInt(10) == 0 ? null : Words[random.NextInt(Words.Length)])];
        Column first = integersAsDoubles
            ? TestFrames.Numbers("i", [.. integers.Select(v => (double?)v)])
            : TestFrames.Integers("i", integers);
        return TestFrames.Of(first, TestFrames.Numbers("f", reals), TestFrames.Flags("b", flags), TestFrames.TextsCoded("s", dictionaryFirst, words));
    }

    /// <summary>A seeded permutation of 0 .. rows - 1 (Fisher-Yates).</summary>
    public static int[] Permutation(ulong seed, int rows)
    {
        var random = new SeededRandom(seed);
        var order = Enumerable.Range(0, rows).ToArray();
        for (var i = rows - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }

    /// <summary>The same data with its test rows (and every row-aligned array) in another order.</summary>
    public static EvaluationData Reorder(EvaluationData data, int[] order) =>
        new()
        {
            Task = data.Task,
            Test = TestFrames.Reorder(data.Test, order),
            TestOrigin = data.TestOrigin,
            Train = data.Train,
            Truth = data.Truth is { } truth ? [.. order.Select(r => truth[r])] : null,
            Attributes = [.. data.Attributes.Select(a => a with { Codes = [.. order.Select(r => a.Codes[r])] })],
            FeatureColumns = data.FeatureColumns,
            ModelRunnable = data.ModelRunnable,
        };

    /// <summary>A text key of one row by value (missing and NaN alike, -0 as 0, numbers as doubles), for reference counts.</summary>
    public static string Key(Frame frame, int row) =>
        string.Join('\u0001', frame.Columns.Select(c => Value(c, row)));

    private static string Value(Column column, int row) => column switch
    {
        _ when !column.IsValid(row) => "\u0000",
        Float64Column c when double.IsNaN(c.Values[row]) => "\u0000",
        Float64Column c => (c.Values[row] + 0.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        Int64Column c => ((double)c.Values[row]).ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        BooleanColumn c => c.Values[row] ? "1" : "0",
        StringColumn c => "s:" + c.GetValue(row),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown kind"),
    };
}
