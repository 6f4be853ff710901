using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;
using ModelCert.Core.Frames;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Tests.Properties;

/// <summary>
/// One random binary-classification evaluation: row-aligned truth, decisions and scores, protected attributes
/// (codes -1 where missing) and a definition profile. Turned into <see cref="EvaluationData"/> on demand, so two
/// suites over the same case share nothing.
/// </summary>
internal sealed record EvaluationCase(
    bool[] Truth, bool[] Predicted, double[] Scores, IReadOnlyList<ProtectedAttribute> Attributes, DefinitionProfile Profile)
{
    public const int Replicates = 200;
    public const ulong Seed = 20240601;

    public int Rows => Truth.Length;

    public EvaluationData ToData(ulong seed = Seed, int replicates = Replicates) =>
        new()
        {
            Task = ModelTask.BinaryClassification,
            Test = new Frame([new Float64Column("score", Scores)], Rows),
            Truth = Truth,
            Predicted = Predicted,
            Scores = Scores,
            Attributes = Attributes,
            Profile = Profile,
            Bootstrap = new BootstrapOptions { Replicates = replicates, Seed = seed },
        };

    /// <summary>The same rows in another order: row i of the result is row <c>order[i]</c> of this case.</summary>
    public EvaluationCase Reorder(int[] order) =>
        this with
        {
            Truth = [.. order.Select(r => Truth[r])],
            Predicted = [.. order.Select(r => Predicted[r])],
            Scores = [.. order.Select(r => Scores[r])],
            Attributes = [.. Attributes.Select(a => a with { Codes = [.. order.Select(r => a.Codes[r])] })],
        };

    /// <summary>
    /// Every attribute's group ids permuted (old id g becomes <c>map[g]</c>, its name moving along), and every group
    /// name prefixed with <paramref name="prefix"/>: the same partition of rows under other ids and names.
    /// </summary>
    public EvaluationCase Relabel(Func<int, int[]> mapOf, string prefix) =>
        this with
        {
            Attributes = [.. Attributes.Select(a =>
            {
                var map = mapOf(a.Groups.Count);
                var names = new string[a.Groups.Count];
                for (var g = 0; g < names.Length; g++)
                {
                    names[map[g]] = prefix + a.Groups[g];
                }

                return a with { Codes = [.. a.Codes.Select(c => c < 0 ? c : map[c])], Groups = names };
            })],
        };

    /// <summary>What FsCheck prints for a counterexample: the shape, and the rows when there are few.</summary>
    public override string ToString()
    {
        var attributes = string.Join("; ", Attributes.Select(a => $"{a.Name} [{string.Join(", ", a.Groups)}]"));
        var rows = Rows <= 12
            ? " rows: " + string.Join(" ", Enumerable.Range(0, Rows).Select(r =>
                $"({(Truth[r] ? 1 : 0)}{(Predicted[r] ? 1 : 0)} {Scores[r]:0.###} {string.Join(",", Attributes.Select(a => a.Codes[r]))})"))
            : string.Empty;
        return $"{Rows} rows, {Profile}, positives {Truth.Count(t => t)}, predicted {Predicted.Count(p => p)}, attributes {attributes}{rows}";
    }
}
