using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Compliance;

/// <summary>
/// Counts provenance problems: each required declaration left out (source, collection period, legal basis and
/// retention date by default; <c>fields</c> may add <c>consent_column</c> or narrow the list), plus one when the
/// retention date has passed. "Today" is the UTC date of <see cref="EvaluationData.Time"/>, so tests can fix it;
/// data may be held through its retention date and not after.
/// </summary>
public sealed class ProvenanceCheck : ICheck
{
    public static IReadOnlyList<string> Fields { get; } = ["source", "collection_period", "legal_basis", "retention_until", "consent_column"];

    public static IReadOnlyList<string> DefaultRequired { get; } = ["source", "collection_period", "legal_basis", "retention_until"];

    public string Id => "compliance.provenance";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (ComplianceText.RequiredFields(requirement, Fields, DefaultRequired, "provenance", out var problem) is not { } required)
        {
            return [CheckResults.Error(requirement, problem!)];
        }

        var provenance = data.Provenance;
        var problems = required.Where(field => !IsDeclared(provenance, field)).Select(field => $"{field} is not declared").ToList();
        var today = DateOnly.FromDateTime(data.Time.GetUtcNow().UtcDateTime);
        var details = new Dictionary<string, object?>
        {
            ["required"] = required,
            ["today"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (provenance.RetentionUntil is { } until)
        {
            details["retention_until"] = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            if (today > until)
            {
                problems.Add(ComplianceText.Invariant($"the retention date {until:yyyy-MM-dd} has passed (today is {today:yyyy-MM-dd}, {today.DayNumber - until.DayNumber} days later)"));
            }
        }

        details["problems"] = problems;
        var note = problems.Count == 0 ? "source, period, legal basis and retention are in order" : string.Join("; ", problems);
        return [CheckResults.Decide(ComplianceText.Census(requirement), ComplianceText.Count(problems.Count, required.Count + 1), details: details, note: note)];
    }

    private static bool IsDeclared(DataProvenance provenance, string field) => field switch
    {
        "source" => !string.IsNullOrWhiteSpace(provenance.Source),
        "collection_period" => !string.IsNullOrWhiteSpace(provenance.CollectionPeriod),
        "legal_basis" => !string.IsNullOrWhiteSpace(provenance.LegalBasis),
        "consent_column" => !string.IsNullOrWhiteSpace(provenance.ConsentColumn),
        _ => provenance.RetentionUntil is not null,
    };
}
