using ModelCert.Core.Requirements;

namespace ModelCert.Core.Evaluation;

/// <summary>
/// A check: measures one thing about a submission and decides a requirement on it. A check never throws for bad
/// data; what it cannot evaluate is an <see cref="Outcome.Error"/> result with the reason.
/// </summary>
public interface ICheck
{
    /// <summary>The stable id from <see cref="Checks.CheckCatalog"/>.</summary>
    string Id { get; }

    IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement);
}
