using ModelCert.Core.Evaluation;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>The explainability check family, one instance of each, in catalog order.</summary>
public static class ExplainabilityChecks
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new PermutationImportanceCheck(),
        new KernelShapCheck(),
        new AdverseActionStabilityCheck(),
        new ProtectedTopDriversCheck(),
        new ProxyStrengthCheck(),
    ];
}
