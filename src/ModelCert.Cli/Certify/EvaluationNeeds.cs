using ModelCert.Core.Checks.Security;
using ModelCert.Core.Requirements;

namespace ModelCert.Cli.Certify;

/// <summary>
/// What the policy's requirements ask of preparation before any check runs: the limits the model file must keep
/// (the strictest of the <c>security.model-inspection</c> requirements, or the defaults), and whether every column of
/// the test data is read (a <c>security.pii</c> requirement scans them all).
/// </summary>
internal sealed record EvaluationNeeds(ModelInspectionLimits Limits, bool AllColumns)
{
    public static EvaluationNeeds Default { get; } = new(ModelInspectionLimits.Default, false);

    /// <exception cref="Core.InputException">A model-inspection requirement with a malformed version range.</exception>
    public static EvaluationNeeds Of(IEnumerable<Requirement> requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var list = requirements.ToList();
        var limits = new List<ModelInspectionLimits>();
        foreach (var requirement in list.Where(r => r.Check == ModelInspectionLimits.CheckId))
        {
            try
            {
                limits.Add(ModelInspectionLimits.From(requirement.Parameters));
            }
            catch (ArgumentException ex)
            {
                throw new Core.InputException($"requirement '{requirement.Id}' ({requirement.Source}): {ex.Message.Split(" (Parameter", 2)[0]}");
            }
        }

        return new EvaluationNeeds(ModelInspectionLimits.Strictest(limits), list.Any(r => r.Check == "security.pii"));
    }
}
