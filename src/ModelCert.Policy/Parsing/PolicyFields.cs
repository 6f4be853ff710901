namespace ModelCert.Policy.Parsing;

/// <summary>
/// Every field name and enumerated value the policy format accepts. The parser validates against these lists and a
/// test keeps schemas/policy.schema.json in step with them.
/// </summary>
internal static class PolicyFields
{
    public const string ApiVersion = "modelcert/v1";

    public const string Kind = "Policy";

    public const string BuiltinPrefix = "builtin:";

    public static IReadOnlyList<string> Root { get; } = ["apiVersion", "kind", "metadata", "extends", "scope", "defaults", "requirements"];

    public static IReadOnlyList<string> Metadata { get; } = ["name", "version", "description", "owner"];

    public static IReadOnlyList<string> Scope { get; } = ["tasks", "risk_tiers", "jurisdictions"];

    public static IReadOnlyList<string> Defaults { get; } = ["confidence", "min_sample", "on_fail", "on_uncertain"];

    public static IReadOnlyList<string> Requirement { get; } =
        ["id", "title", "check", "params", "threshold", "confidence", "on_fail", "on_uncertain", "min_sample", "references", "rationale", "remediation", "scope"];

    public static IReadOnlyList<string> Threshold { get; } = ["min", "max"];

    /// <summary>The group and column parameters the parser reads itself.</summary>
    public static IReadOnlyList<string> SharedParameters { get; } =
        ["attributes", "intersections", "min_group_size", "min_group_share", "privileged", "bins", "columns"];

    /// <summary>Every parameter name: the shared ones, then those the check families type in the catalog.</summary>
    public static IReadOnlyList<string> Parameters { get; } =
        [.. SharedParameters, .. Core.Checks.CheckCatalog.Parameters.Select(p => p.Name).Except(SharedParameters, StringComparer.Ordinal)];

    public static IReadOnlyList<string> Tasks { get; } = ["binary_classification", "regression"];

    public static IReadOnlyList<string> RiskTiers { get; } = ["minimal", "limited", "high", "unacceptable"];

    public static IReadOnlyList<string> FailActions { get; } = ["block", "review", "warn"];

    public static IReadOnlyList<string> UncertainActions { get; } = ["fail", "review", "warn", "pass"];
}
