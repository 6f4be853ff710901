using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Compliance;

/// <summary>
/// The share of evaluated rows with consent, read from the declared consent column (see <see cref="ConsentColumn"/>
/// for the values). With <c>on_missing: fail</c> (the default) rows without consent stay in and pull the share down;
/// with <c>on_missing: exclude</c> the certify run leaves them out of every check first (<see cref="ConsentFilter"/>),
/// and this check reports how many went. The share is a count over all evaluated rows, so it has no interval.
/// </summary>
public sealed class ConsentCheck : ICheck
{
    public string Id => "compliance.consent";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Provenance.ConsentColumn is not { } name)
        {
            return [CheckResults.Skipped(requirement, "no consent column is declared (provenance.consent_column or --consent-column); when the legal basis is not consent, compliance.provenance records it")];
        }

        if (!data.Test.TryGetColumn(name, out var column))
        {
            var closest = Text.Closest.To(name, data.Test.Schema.Names);
            return [CheckResults.Error(requirement, $"consent column '{name}' is not in '{data.TestOrigin}'; closest: {ComplianceText.Quote(closest)}")];
        }

        var onMissing = requirement.Parameters.Choice("on_missing", "fail");
        var reading = ConsentColumn.Read(column);
        var rows = reading.Given.Length;
        var excluded = data.Excluded?.Count ?? 0;
        if (rows == 0)
        {
            return [CheckResults.Error(requirement, ComplianceText.Invariant($"no rows are left to evaluate in '{data.TestOrigin}'{(excluded > 0 ? $" after excluding {excluded} rows" : string.Empty)}"))];
        }

        var details = new Dictionary<string, object?>
        {
            ["column"] = name,
            ["on_missing"] = onMissing,
            ["rows_with_consent"] = reading.WithConsent,
            ["rows_without_consent"] = reading.WithoutConsent,
            ["missing_values"] = reading.Missing,
            ["unrecognised_values"] = reading.Unrecognised.OrderByDescending(p => p.Value).Take(10).ToDictionary(p => p.Key, p => p.Value),
            ["excluded_rows"] = excluded,
            ["rows_before_exclusion"] = data.Excluded?.Of ?? rows,
        };
        var notes = new List<string> { ComplianceText.Invariant($"{reading.WithConsent} of {rows} evaluated rows have consent in column '{name}'") };
        if (excluded > 0)
        {
            notes.Add(ComplianceText.Invariant($"{excluded} of {data.Excluded!.Of} rows without consent were excluded from every check before evaluation"));
        }
        else if (onMissing == "exclude" && reading.WithoutConsent > 0)
        {
            notes.Add("on_missing is exclude, but these rows were not excluded before the checks ran");
        }

        if (reading.Unrecognised.Count > 0)
        {
            notes.Add($"values read as no consent because they are neither yes nor no: {ComplianceText.Quote(reading.Unrecognised.Keys.Take(5))}");
        }

        var measurement = new Measurement((double)reading.WithConsent / rows, null, rows);
        return [CheckResults.Decide(ComplianceText.Census(requirement), measurement, details: details, note: string.Join("; ", notes))];
    }
}
