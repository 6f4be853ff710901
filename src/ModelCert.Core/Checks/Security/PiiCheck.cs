using System.Text.RegularExpressions;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Security;

/// <summary>
/// The number of values in the test data that hold personal data (<see cref="PiiDetector"/>): text columns for every
/// kind, integer columns for card numbers. Counts are per column and kind; no value ever leaves the check, not in the
/// message, the details or a log. A text value is classified once per distinct value (the column's dictionary).
/// The count is a fact about the data, not an estimate, so it has no interval and no minimum sample.
/// </summary>
public sealed class PiiCheck : ICheck
{
    public string Id => "security.pii";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var frame = data.TestAllColumns ?? data.Test;
        var kindNames = requirement.Parameters.Names("kinds") ?? PiiDetector.KindNames;
        var unknown = kindNames.Where(k => PiiDetector.Parse(k) == PiiKinds.None).ToList();
        if (unknown.Count > 0)
        {
            return [CheckResults.Error(requirement, $"unknown PII kind {string.Join(", ", unknown.Select(k => $"'{k}'"))}; choose from {string.Join(", ", PiiDetector.KindNames)}")];
        }

        var wanted = kindNames.Aggregate(PiiKinds.None, (all, k) => all | PiiDetector.Parse(k));
        var names = requirement.Parameters.Columns ?? [.. frame.Columns.Select(c => c.Name)];
        var absent = names.Where(n => !frame.TryGetColumn(n, out _)).ToList();
        if (absent.Count > 0)
        {
            return [CheckResults.Error(requirement, $"{data.TestOrigin} has no column {string.Join(", ", absent.Select(c => $"'{c}'"))} to scan for personal data")];
        }

        var scan = new Scan(wanted);
        foreach (var name in names)
        {
            scan.Column(frame[name]);
        }

        var details = new Dictionary<string, object?>
        {
            ["counts"] = scan.Counts,
            ["kinds"] = KindList(wanted),
            ["scanned_columns"] = scan.Scanned,
            ["values_scanned"] = scan.Values,
        };
        if (scan.Skipped.Count > 0)
        {
            details["skipped_columns"] = scan.Skipped;
        }

        if (scan.TimedOut > 0)
        {
            details["values_not_scanned"] = scan.TimedOut;
        }

        var note = scan.Flagged == 0
            ? FormattableString.Invariant($"no personal data found in {scan.Values} values of {scan.Scanned.Count} columns")
            : $"found in {string.Join(", ", scan.Counts.Select(c => $"'{c.Key}' ({string.Join(", ", c.Value.Select(k => FormattableString.Invariant($"{k.Value} {k.Key}")))})"))}; values are not shown";
        if (data.TestAllColumns is null && requirement.Parameters.Columns is null)
        {
            note += "; only the columns read for certification were scanned";
        }

        var measurement = new Measurement(scan.Flagged, null, long.MaxValue);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note) with { SampleSize = scan.Values }];
    }

    private static List<string> KindList(PiiKinds kinds) =>
        [.. PiiDetector.KindNames.Where(k => (kinds & PiiDetector.Parse(k)) != 0)];

    /// <summary>Counts per column and kind, the values with any kind, and what could not be scanned.</summary>
    private sealed class Scan(PiiKinds wanted)
    {
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
                case Int64Column integers when (wanted & PiiKinds.Card) != 0:
                    Scanned.Add(column.Name);
                    for (var row = 0; row < integers.Length; row++)
                    {
                        if (integers.IsValid(row))
                        {
                            Count(column.Name, PiiDetector.IsCardNumber(integers.Values[row]) ? PiiKinds.Card : PiiKinds.None);
                        }
                    }

                    break;
                default:
                    Skipped.Add(column.Name);
                    break;
            }
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
}
