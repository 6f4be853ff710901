using ModelCert.Core.Evaluation;

namespace ModelCert.Core.Checks.Security;

/// <summary>The security check family, one instance of each, in catalog order.</summary>
public static class SecurityChecks
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new ModelInspectionCheck(),
        new MembershipInferenceCheck(),
        new PiiCheck(),
    ];
}
