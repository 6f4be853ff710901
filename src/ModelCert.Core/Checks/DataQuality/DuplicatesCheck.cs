using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// The share of test rows that repeat an earlier row exactly, over all columns or the requirement's columns.
/// One pass: each row's 128-bit hash (<see cref="RowHasher"/>) goes into a set, and a row whose hash is already
/// there is a repeat. Missing and NaN are one value here, so two rows both missing a field repeat each other.
/// </summary>
public sealed class DuplicatesCheck : ICheck
{
    public string Id => "data-quality.duplicates";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var rows = data.Test.RowCount;
        if (rows == 0)
        {
            return [CheckResults.Error(requirement, Proportion.NoRows(data, "the duplicate share"))];
        }

        var listed = requirement.Parameters.Columns;
        var choice = listed is null
            ? new ColumnChoice(data.Test.Columns, [], null)
            : ColumnChoice.Listed(data.Test, listed, data.TestOrigin);
        if (choice.Problem is { } problem)
        {
            return [CheckResults.Error(requirement, problem)];
        }

        if (choice.Columns.Count == 0)
        {
            return [CheckResults.Error(requirement, $"{data.TestOrigin} has no columns to compare rows on")];
        }

        var (repeats, firstRepeat) = CountRepeats(new RowHasher(choice.Columns, RowHashMode.WithinFrame), rows);
        var details = new Dictionary<string, object?>
        {
            ["duplicate_rows"] = repeats,
            ["distinct_rows"] = rows - repeats,
            ["columns_compared"] = choice.Columns.Count,
            ["method"] = "128-bit row hash; missing and NaN compare equal",
        };
        if (listed is not null)
        {
            details["columns"] = choice.Names.Take(Proportion.DetailLimit).ToList();
        }

        string? note = null;
        if (firstRepeat >= 0)
        {
            details["first_duplicate_row_index"] = firstRepeat;
            note = Proportion.Invariant($"{repeats} of {rows} rows repeat an earlier row (the first at 0-based row index {firstRepeat})");
        }

        var measurement = Proportion.Measure(repeats, rows, requirement.Confidence);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }

    /// <summary>Rows whose hash was seen before, and the index of the first such row (-1 when none).</summary>
    internal static (long Repeats, long FirstRepeat) CountRepeats(RowHasher hasher, int rows)
    {
        var seen = new Hash128Set(rows);
        var hashes = new UInt128[RowHasher.BlockSize];
        var repeats = 0L;
        var first = -1L;
        for (var start = 0; start < rows; start += RowHasher.BlockSize)
        {
            var block = hashes.AsSpan(0, Math.Min(RowHasher.BlockSize, rows - start));
            hasher.HashBlock(start, block);
            for (var i = 0; i < block.Length; i++)
            {
                if (!seen.Add(block[i]))
                {
                    repeats++;
                    if (first < 0)
                    {
                        first = start + i;
                    }
                }
            }
        }

        return (repeats, first);
    }
}
