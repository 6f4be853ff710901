using ModelCert.Core.Checks.Security;
using ModelCert.Core.Requirements;

namespace ModelCert.Cli.Certify;

/// <summary>
/// What the policy's requirements ask of preparation before any check runs: the limits the model file must keep
/// (the strictest of the <c>security.model-inspection</c> requirements, or the defaults), and whether every column of
/// the test data is read (a <c>security.pii</c> requirement scans them all), and likewise of the training data and the
/// shifted set when a PII requirement's <c>datasets</c> names them (the default names all three). Runs without a PII
/// requirement read only the columns certification needs.
/// </summary>
internal sealed record EvaluationNeeds(ModelInspectionLimits Limits, bool AllColumns)
{
    /// <summary>Read every column of the training data (a PII requirement scans it).</summary>
    public bool AllTrainColumns { get; init; }

    /// <summary>Read every column of the shifted set (a PII requirement scans it).</summary>
    public bool AllShiftedColumns { get; init; }

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

        var scanned = list.Where(r => r.Check == "security.pii").SelectMany(r => PiiCheck.Datasets(r.Parameters)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new EvaluationNeeds(ModelInspectionLimits.Strictest(limits), scanned.Contains("test"))
        {
            AllTrainColumns = scanned.Contains("train"),
            AllShiftedColumns = scanned.Contains("shifted"),
        };
    }
}
