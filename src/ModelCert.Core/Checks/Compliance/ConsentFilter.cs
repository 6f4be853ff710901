using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Compliance;

/// <summary>
/// Applies a policy's <c>compliance.consent</c> requirement with <c>on_missing: exclude</c> before any check runs:
/// rows without consent leave the evaluation (frame, labels, scores, decisions, groups alike), so no other check
/// measures them. Without such a requirement, a declared column, or the column in the data, nothing changes (the
/// consent check then reports the problem).
/// </summary>
public static class ConsentFilter
{
    public static EvaluationData Apply(EvaluationData data, IEnumerable<Requirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirements);
        var excludes = requirements.Any(r => r.Check == "compliance.consent" && r.Parameters.Choice("on_missing", "fail") == "exclude");
        if (!excludes || data.Provenance.ConsentColumn is not { } name || !data.Test.TryGetColumn(name, out var column))
        {
            return data;
        }

        var reading = ConsentColumn.Read(column);
        if (reading.WithConsent == 0)
        {
            throw new InputException($"no row of '{data.TestOrigin}' has consent in column '{name}' (expected values such as true, 1 or yes), so nothing is left to evaluate once rows without consent are excluded");
        }

        return data.Where(reading.Given, $"no consent in column '{name}'");
    }
}
