using ModelCert.Core.Metrics;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Evaluation;

/// <summary>
/// One protected attribute's confusion cells (4 per group) of the favourable outcome and their bootstrap replicates:
/// with <see cref="FavourableOutcome.Negative"/> the cells count favourable decisions (score at or below the threshold)
/// against favourable labels (not the positive value), so every rate built on them is about the favourable outcome.
/// </summary>
public sealed class AttributeCells
{
    public AttributeCells(
        ProtectedAttribute attribute, bool[] truth, bool[] predicted, BootstrapOptions bootstrap, FavourableOutcome favourable = FavourableOutcome.Positive)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        Attribute = attribute;
        Favourable = favourable;
        Cells = GroupCounter.Count(truth, predicted, attribute.Codes, attribute.Groups.Count);
        FavourableOutcomes.Complement(Cells, favourable);
        Missing = attribute.Codes.AsSpan().Count(-1);
        Replicates = bootstrap.Replicates > 0
            ? CountBootstrap.Resample(Cells, bootstrap.Replicates, bootstrap.Seed, StreamOf(attribute.Name))
            : [];
    }

    public ProtectedAttribute Attribute { get; }

    /// <summary>Which outcome the cells count as positive (decision and label).</summary>
    public FavourableOutcome Favourable { get; }

    public long[] Cells { get; }

    public long[] Replicates { get; }

    public long Missing { get; }

    public int GroupCount => Attribute.Groups.Count;

    public ConfusionCounts Group(int g) => GroupCounter.Group(Cells, g);

    public long Total => GroupCounter.Total(Cells).Count;

    /// <summary>A stream id from the name, so an attribute's replicates do not depend on evaluation order.</summary>
    public static ulong StreamOf(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
