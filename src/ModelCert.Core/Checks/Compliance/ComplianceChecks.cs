using ModelCert.Core.Evaluation;

namespace ModelCert.Core.Checks.Compliance;

/// <summary>The compliance check family, one instance of each, in catalog order.</summary>
public static class ComplianceChecks
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new ModelCardCheck(),
        new ProvenanceCheck(),
        new ConsentCheck(),
        new InputsCheck(),
    ];
}
