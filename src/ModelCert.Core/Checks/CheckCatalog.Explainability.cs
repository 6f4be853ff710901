namespace ModelCert.Core.Checks;

public static partial class CheckCatalog
{
    /// <summary>The explainability family: what drives the model's decisions, and whether that is acceptable.</summary>
    private static CheckDefinition[] Explainability =>
    [
        Define("explainability", "permutation-importance", "Permutation importance", Direction.LowerIsBetter, CheckNeeds.RunnableModel | CheckNeeds.Labels,
            "Largest single feature's share of the total permutation importance (metric drop when the feature is shuffled).",
            "metric", "repeats", "sample", "features"),
        Define("explainability", "kernel-shap", "Kernel SHAP attributions", Direction.LowerIsBetter, CheckNeeds.RunnableModel,
            "Share of mean |SHAP| attributed to protected attributes and declared proxies (sampled Kernel SHAP).",
            "background", "samples", "sample", "features"),
        Define("explainability", "adverse-action-stability", "Adverse-action reason stability", Direction.HigherIsBetter, CheckNeeds.RunnableModel | CheckNeeds.Classification,
            "Share of sampled negative decisions whose top reasons (most negative Kernel SHAP contributions) stay the same when numeric features get noise of scale x their standard deviation.",
            "reasons", "scale", "sample", "background", "samples", "features"),
        Define("explainability", "protected-top-drivers", "Protected attributes among top drivers", Direction.LowerIsBetter, CheckNeeds.RunnableModel | CheckNeeds.ProtectedAttributes,
            "Number of protected attributes among the model's top-k drivers, ranked by mean |SHAP| or permutation importance.",
            "k", "method", "sample", "background", "samples", "metric", "repeats", "features"),
        Define("explainability", "proxy-strength", "Proxy strength", Direction.LowerIsBetter, CheckNeeds.ProtectedAttributes,
            "Largest strength (AUC or normalised mutual information) with which one feature predicts a protected attribute.",
            "measure", "attributes", "intersections", "features", "bins", "min_group_size"),
    ];

    private static ParameterSpec[] ExplainabilityParameters =>
    [
        ParameterSpec.Integer("repeats", 1, 1000, "Shuffles per feature for permutation importance."),
        ParameterSpec.Integer("background", 1, 100_000, "Background rows (k-means or seeded sample) for Kernel SHAP."),
        ParameterSpec.Integer("samples", 2, 1_000_000, "Coalitions sampled per explained row for Kernel SHAP."),
        ParameterSpec.Integer("reasons", 1, 20, "Principal reasons given for each negative decision."),
        ParameterSpec.Integer("k", 1, 1000, "How many top drivers are compared with the protected attributes."),
        ParameterSpec.Choice("method", "How drivers are ranked.", "permutation", "shap"),
        ParameterSpec.Choice("measure", "How proxy strength is measured.", "auc", "nmi"),
    ];
}
