using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Security;

/// <summary>
/// The number of values that hold personal data (<see cref="PiiDetector"/>) in every dataset the submission gives:
/// the test data always, the training data and the shifted set when present (personal data most often hides in the
/// training data), narrowed by the <c>datasets</c> parameter. Text columns are scanned for every kind, integer and
/// whole float columns for SSNs, phone numbers and card numbers written as digits. Counts are per dataset, column and
/// kind; no value ever leaves the check, not in the message, the details or a log. The requirement is decided on the
/// worst dataset. A count is a fact about the data, not an estimate, so it has no interval and no minimum sample.
/// </summary>
public sealed class PiiCheck : ICheck
{
    /// <summary>The datasets the scan can read, in the order they are reported.</summary>
    public static IReadOnlyList<string> DatasetNames { get; } = ["test", "train", "shifted"];

    public string Id => "security.pii";

    /// <summary>The datasets a requirement asks to scan: its <c>datasets</c> parameter, or all of them.</summary>
    public static IReadOnlyList<string> Datasets(RequirementParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Names("datasets") ?? DatasetNames;
    }

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        var kindNames = requirement.Parameters.Names("kinds") ?? PiiDetector.KindNames;
        var unknown = kindNames.Where(k => PiiDetector.Parse(k) == PiiKinds.None).ToList();
        if (unknown.Count > 0)
        {
            return [CheckResults.Error(requirement, $"unknown PII kind {Quoted(unknown)}; choose from {string.Join(", ", PiiDetector.KindNames)}")];
        }

        var asked = Datasets(requirement.Parameters);
        var unknownSets = asked.Where(n => !DatasetNames.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknownSets.Count > 0)
        {
            return [CheckResults.Error(requirement, $"unknown dataset {Quoted(unknownSets)}; choose from {string.Join(", ", DatasetNames)}")];
        }

        var provided = Provided(data);
        var chosen = provided.Where(d => asked.Contains(d.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        var notGiven = DatasetNames.Where(n => asked.Contains(n, StringComparer.OrdinalIgnoreCase) && provided.All(d => d.Name != n)).ToList();
        if (chosen.Count == 0)
        {
            return [CheckResults.Skipped(requirement, $"no dataset to scan: {string.Join(", ", notGiven)} not given")];
        }

        var absent = chosen
            .Select(d => (d.Origin, Missing: (requirement.Parameters.Columns ?? []).Where(n => !d.Frame.TryGetColumn(n, out _)).ToList()))
            .Where(d => d.Missing.Count > 0)
            .Select(d => $"{d.Origin} has no column {Quoted(d.Missing)} to scan for personal data")
            .ToList();
        if (absent.Count > 0)
        {
            return [CheckResults.Error(requirement, string.Join("; ", absent))];
        }

        var wanted = kindNames.Aggregate(PiiKinds.None, (all, k) => all | PiiDetector.Parse(k));
        var scans = chosen.Select(d => (Dataset: d, Scan: Scan(d.Frame, requirement.Parameters.Columns, wanted))).ToList();
        var worst = scans.MaxBy(s => s.Scan.Flagged);
        var details = new Dictionary<string, object?>
        {
            ["counts"] = scans.ToDictionary(s => s.Dataset.Name, s => s.Scan.Counts, StringComparer.Ordinal),
            ["datasets"] = scans.ToDictionary(s => s.Dataset.Name, s => s.Scan.Details(), StringComparer.Ordinal),
            ["kinds"] = KindList(wanted),
            ["worst_dataset"] = worst.Dataset.Name,
        };
        if (notGiven.Count > 0)
        {
            details["datasets_not_given"] = notGiven;
        }

        var measurement = new Measurement(worst.Scan.Flagged, null, long.MaxValue);
        return [CheckResults.Decide(requirement, measurement, details: details, note: Note(scans, requirement.Parameters.Columns is null)) with { SampleSize = worst.Scan.Values }];
    }

    /// <summary>The test data always, then the training data and the shifted set when given, each with every column when read.</summary>
    private static List<Dataset> Provided(EvaluationData data)
    {
        var provided = new List<Dataset> { new("test", data.TestAllColumns ?? data.Test, data.TestAllColumns is not null, data.TestOrigin) };
        if ((data.TrainAllColumns ?? data.Train) is { } train)
        {
            provided.Add(new("train", train, data.TrainAllColumns is not null, data.TrainOrigin ?? "training data"));
        }

        if ((data.ShiftedAllColumns ?? data.Shifted) is { } shifted)
        {
            provided.Add(new("shifted", shifted, data.ShiftedAllColumns is not null, data.ShiftedOrigin ?? "shifted data"));
        }

        return provided;
    }

    private static PiiScan Scan(Frame frame, IReadOnlyList<string>? columns, PiiKinds wanted)
    {
        var scan = new PiiScan(wanted);
        foreach (var name in columns ?? [.. frame.Columns.Select(c => c.Name)])
        {
            scan.Column(frame[name]);
        }

        return scan;
    }

    /// <summary>Where personal data was found, as dataset, column and counts; never a value.</summary>
    private static string Note(List<(Dataset Dataset, PiiScan Scan)> scans, bool allColumnsAsked)
    {
        var names = string.Join(", ", scans.Select(s => s.Dataset.Name));
        var note = scans.All(s => s.Scan.Flagged == 0)
            ? FormattableString.Invariant($"no personal data found in {scans.Sum(s => s.Scan.Values)} values of {scans.Sum(s => s.Scan.Scanned.Count)} columns ({names})")
            : $"found in {string.Join("; ", scans.Where(s => s.Scan.Flagged > 0).Select(s => $"{s.Dataset.Name} {Found(s.Scan)}"))}; values are not shown";
        var partial = scans.Where(s => !s.Dataset.AllColumns).Select(s => s.Dataset.Name).ToList();
        if (allColumnsAsked && partial.Count > 0)
        {
            note += $"; only the columns read for certification were scanned in {string.Join(", ", partial)}";
        }

        return note;
    }

    private static string Found(PiiScan scan) =>
        string.Join(", ", scan.Counts.Select(c => $"'{c.Key}' ({string.Join(", ", c.Value.Select(k => FormattableString.Invariant($"{k.Value} {k.Key}")))})"));

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static List<string> KindList(PiiKinds kinds) =>
        [.. PiiDetector.KindNames.Where(k => (kinds & PiiDetector.Parse(k)) != 0)];

    /// <summary>A dataset to scan: its role, its frame, whether the frame holds every column, and its file for messages.</summary>
    private sealed record Dataset(string Name, Frame Frame, bool AllColumns, string Origin);
}
