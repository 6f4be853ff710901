using ModelCert.Policy.Parsing;

namespace ModelCert.Policy.Submissions;

/// <summary>
/// Every field name and enumerated value the submission format accepts. The parser validates against these lists and a
/// test keeps schemas/submission.schema.json in step with them.
/// </summary>
internal static class SubmissionFields
{
    public const string Kind = "Submission";

    public const int MaxReplicates = 100_000;

    public static IReadOnlyList<string> Root { get; } =
        ["apiVersion", "kind", "model", "predictions", "data", "protected", "policies", "evaluation", "context", "output", "provenance", "card"];

    public static IReadOnlyList<string> Model { get; } = ["name", "version", "file", "task", "threshold", "positive_index", "features", "input_map"];

    public static IReadOnlyList<string> Predictions { get; } = ["file", "score_column", "id_column"];

    public static IReadOnlyList<string> Data { get; } = ["test", "train", "shifted", "label", "positive", "favourable"];

    public static IReadOnlyList<string> Protected { get; } = ["attributes", "intersections", "privileged", "proxies"];

    public static IReadOnlyList<string> Evaluation { get; } = ["profile", "replicates", "confidence", "seed"];

    public static IReadOnlyList<string> Context { get; } = ["risk_tier", "jurisdiction"];

    public static IReadOnlyList<string> Output { get; } = ["dir", "format"];

    public static IReadOnlyList<string> Provenance { get; } = ["source", "collection_period", "legal_basis", "consent_column", "retention_until"];

    public static IReadOnlyList<string> Card { get; } =
        ["intended_use", "out_of_scope_uses", "owner", "contact", "limitations", "ethical_considerations", "training_data", "evaluation_data"];

    public static IReadOnlyList<string> Tasks => PolicyFields.Tasks;

    public static IReadOnlyList<string> RiskTiers => PolicyFields.RiskTiers;

    public static IReadOnlyList<string> Profiles { get; } = ["strict", "fairlearn", "aif360"];

    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "junit", "markdown"];

    /// <summary>Which outcome is favourable (<c>data.favourable</c>).</summary>
    public static IReadOnlyList<string> Favourables { get; } = ["positive", "negative"];
}
