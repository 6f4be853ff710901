using System.Text.RegularExpressions;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Security;

/// <summary>
/// One dataset's PII scan: counts per column and kind, the values with any kind, and what could not be scanned.
/// Text values are classified once per distinct value (the column's dictionary); integers and whole floats by
/// <see cref="PiiDetector.DetectNumber(long, PiiKinds)"/>; booleans are listed as skipped. Only counts are kept.
/// </summary>
internal sealed class PiiScan(PiiKinds wanted)
{
    private const PiiKinds NumberKinds = PiiKinds.Ssn | PiiKinds.Phone | PiiKinds.Card;

    public SortedDictionary<string, SortedDictionary<string, long>> Counts { get; } = new(StringComparer.Ordinal);

    public List<string> Scanned { get; } = [];

    public List<string> Skipped { get; } = [];

    public long Values { get; private set; }

    public long Flagged { get; private set; }

    public long TimedOut { get; private set; }

    public void Column(Column column)
    {
        switch (column)
        {
            case StringColumn text:
                Scanned.Add(column.Name);
                Text(text);
                break;
            case Int64Column integers when (wanted & NumberKinds) != 0:
                Scanned.Add(column.Name);
                for (var row = 0; row < integers.Length; row++)
                {
                    if (integers.IsValid(row))
                    {
                        Count(column.Name, PiiDetector.DetectNumber(integers.Values[row], wanted));
                    }
                }

                break;
            case Float64Column numbers when (wanted & NumberKinds) != 0:
                Scanned.Add(column.Name);
                for (var row = 0; row < numbers.Length; row++)
                {
                    if (numbers.IsValid(row))
                    {
                        Count(column.Name, PiiDetector.DetectNumber(numbers.Values[row], wanted));
                    }
                }

                break;
            default:
                Skipped.Add(column.Name);
                break;
        }
    }

    /// <summary>The dataset's entry in the details: counts only, never a value.</summary>
    public Dictionary<string, object?> Details()
    {
        var details = new Dictionary<string, object?>
        {
            ["flagged"] = Flagged,
            ["scanned_columns"] = Scanned,
            ["values_scanned"] = Values,
        };
        if (Skipped.Count > 0)
        {
            details["skipped_columns"] = Skipped;
        }

        if (TimedOut > 0)
        {
            details["values_not_scanned"] = TimedOut;
        }

        return details;
    }

    private void Text(StringColumn column)
    {
        var found = new Dictionary<int, PiiKinds>();
        for (var row = 0; row < column.Length; row++)
        {
            if (!column.IsValid(row))
            {
                continue;
            }

            var code = column.Codes[row];
            if (!found.TryGetValue(code, out var kinds))
            {
                try
                {
                    kinds = PiiDetector.Detect(column.Dictionary[code], wanted);
                }
                catch (RegexMatchTimeoutException)
                {
                    kinds = (PiiKinds)(-1);
                }

                found[code] = kinds;
            }

            if (kinds == (PiiKinds)(-1))
            {
                TimedOut++;
                continue;
            }

            Count(column.Name, kinds);
        }
    }

    private void Count(string column, PiiKinds kinds)
    {
        Values++;
        if (kinds == PiiKinds.None)
        {
            return;
        }

        Flagged++;
        if (!Counts.TryGetValue(column, out var perKind))
        {
            Counts[column] = perKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        }

        foreach (var name in PiiDetector.KindNames)
        {
            if ((kinds & PiiDetector.Parse(name)) != 0)
            {
                perKind[name] = perKind.GetValueOrDefault(name) + 1;
            }
        }
    }
}
