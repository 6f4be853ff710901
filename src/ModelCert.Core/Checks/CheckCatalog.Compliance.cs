namespace ModelCert.Core.Checks;

public static partial class CheckCatalog
{
    /// <summary>The compliance family: documentation and the lawful basis of the data and inputs.</summary>
    private static CheckDefinition[] Compliance =>
    [
        Define("compliance", "model-card", "Model card completeness", Direction.LowerIsBetter, CheckNeeds.None,
            "Number of required model-card fields (Annex IV) the submission leaves empty; the risk tier sets which are required.",
            "fields"),
        Define("compliance", "provenance", "Data provenance", Direction.LowerIsBetter, CheckNeeds.None,
            "Number of provenance problems: undeclared source, collection period, legal basis or retention date, or a retention date that has passed.",
            "fields"),
        Define("compliance", "consent", "Consent", Direction.HigherIsBetter, CheckNeeds.None,
            "Share of evaluated rows with consent, from the declared consent column.",
            "on_missing"),
        Define("compliance", "inputs", "Approved model inputs", Direction.LowerIsBetter, CheckNeeds.None,
            "Number of model inputs that are prohibited (default: the protected attributes) or not among the approved features.",
            "prohibited", "approved"),
    ];

    private static ParameterSpec[] ComplianceParameters =>
    [
        ParameterSpec.NameList("fields", "The required fields (model card default: the risk tier's list; provenance default: source, collection_period, legal_basis, retention_until)."),
        ParameterSpec.Choice("on_missing", "What rows without consent do: excluded from the evaluation, or failed (default).", "exclude", "fail"),
        ParameterSpec.NameList("prohibited", "Columns that must not be model inputs (default: the protected attributes)."),
        ParameterSpec.NameList("approved", "The approved features; every model input must be one of them."),
    ];
}
