using System.Globalization;
using ModelCert.Core.Checks;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Evaluation;

/// <summary>Builds check results with one wording: actual against limit, the interval, and what to do.</summary>
public static class CheckResults
{
    public static CheckResult Decide(
        Requirement requirement, Measurement measurement, string? attribute = null, IReadOnlyDictionary<string, object?>? details = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        ArgumentNullException.ThrowIfNull(measurement);
        var title = CheckCatalog.TryGet(requirement.Check, out var definition) ? definition.Title : requirement.Check;
        var subject = attribute is null ? title : $"{title} for {attribute}";
        if (measurement.Value is not { } value)
        {
            return Make(requirement, Outcome.Error, measurement, attribute, details, $"{subject} could not be computed: {measurement.Problem}");
        }

        if (measurement.SampleSize < requirement.MinSample)
        {
            var small = Invariant($"{subject} is {value:0.####} on {measurement.SampleSize} rows, below the minimum sample of {requirement.MinSample}; a person must judge it");
            return Make(requirement, Outcome.Review, measurement, attribute, details, Append(small, note));
        }

        var outcome = Decision.Decide(requirement, value, measurement.Interval);
        var interval = measurement.Interval is { } i ? Invariant($" (CI [{i.Low:0.####}, {i.High:0.####}])") : string.Empty;
        var side = Decision.Compare(requirement.Threshold, value, measurement.Interval);
        var words = side switch
        {
            Decision.Side.Clears => $"meets {requirement.Threshold}",
            Decision.Side.Misses => $"misses {requirement.Threshold}",
            _ => $"is uncertain against {requirement.Threshold}: the interval straddles the threshold",
        };
        var message = Invariant($"{subject} is {value:0.####}{interval}, which {words}");
        return Make(requirement, outcome, measurement, attribute, details, Append(message, note));
    }

    public static CheckResult Skipped(Requirement requirement, string reason, string? attribute = null) =>
        Make(requirement, Outcome.Skipped, Measurement.Undefined(reason), attribute, null, $"skipped: {reason}");

    public static CheckResult Error(Requirement requirement, string reason, string? attribute = null) =>
        Make(requirement, Outcome.Error, Measurement.Undefined(reason), attribute, null, reason);

    private static CheckResult Make(
        Requirement requirement, Outcome outcome, Measurement measurement, string? attribute, IReadOnlyDictionary<string, object?>? details, string message) =>
        new()
        {
            Id = requirement.Check,
            Requirement = requirement.Id,
            Title = requirement.Title,
            Outcome = outcome,
            Value = measurement.Value,
            Ci = measurement.Interval is { } i ? [i.Low, i.High] : null,
            Confidence = requirement.Confidence,
            Threshold = requirement.Threshold,
            Attribute = attribute,
            SampleSize = measurement.SampleSize,
            Message = message,
            Remediation = outcome is Outcome.Pass or Outcome.Skipped ? null : requirement.Remediation,
            References = requirement.References,
            ThresholdSource = requirement.Source,
            Details = details,
        };

    private static string Append(string message, string? note) => note is null ? message : $"{message}; {note}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
