namespace ModelCert.Core.Checks;

/// <summary>Every check id ModelCert knows. Unknown ids in a policy are an error with a "did you mean".</summary>
public static partial class CheckCatalog
{
    private static readonly string[] GroupParameters = ["attributes", "intersections", "min_group_size", "min_group_share", "privileged"];

    public static IReadOnlyList<CheckDefinition> All { get; } =
    [
        Performance("accuracy", "Accuracy", Direction.HigherIsBetter, CheckNeeds.Labels | CheckNeeds.Classification, "Share of rows whose decision equals the label."),
        Performance("precision", "Precision", Direction.HigherIsBetter, CheckNeeds.Labels | CheckNeeds.Classification, "TP / (TP + FP)."),
        Performance("recall", "Recall", Direction.HigherIsBetter, CheckNeeds.Labels | CheckNeeds.Classification, "TP / (TP + FN)."),
        Performance("f1", "F1 score", Direction.HigherIsBetter, CheckNeeds.Labels | CheckNeeds.Classification, "Harmonic mean of precision and recall."),
        Performance("roc-auc", "ROC AUC", Direction.HigherIsBetter, CheckNeeds.Labels | CheckNeeds.Scores | CheckNeeds.Classification, "Area under the ROC curve (trapezoidal, ties count one half)."),
        Performance("log-loss", "Log loss", Direction.LowerIsBetter, CheckNeeds.Labels | CheckNeeds.Scores | CheckNeeds.Classification, "Mean negative log-likelihood, probabilities clipped to [eps, 1-eps]."),
        Performance("brier", "Brier score", Direction.LowerIsBetter, CheckNeeds.Labels | CheckNeeds.Scores | CheckNeeds.Classification, "Mean squared difference between score and label."),
        Performance("ece", "Expected calibration error", Direction.LowerIsBetter, CheckNeeds.Labels | CheckNeeds.Scores | CheckNeeds.Classification, "Weighted mean |mean score - positive rate| over equal-width score bins.", "bins"),
        Performance("mae", "Mean absolute error", Direction.LowerIsBetter, CheckNeeds.Labels | CheckNeeds.Regression, "Mean |prediction - target|."),
        Performance("rmse", "Root mean squared error", Direction.LowerIsBetter, CheckNeeds.Labels | CheckNeeds.Regression, "Square root of the mean squared error."),
        Performance("r2", "R squared", Direction.HigherIsBetter, CheckNeeds.Labels | CheckNeeds.Regression, "1 - residual sum of squares / total sum of squares."),

        Fairness("demographic-parity-difference", "Selection-rate difference", Direction.LowerIsBetter, CheckNeeds.None, "Largest minus smallest selection rate over groups."),
        Fairness("demographic-parity-ratio", "Selection-rate ratio (impact ratio)", Direction.HigherIsBetter, CheckNeeds.None, "Smallest over largest selection rate over groups; the four-fifths rule asks at least 0.8."),
        Fairness("equalized-odds-difference", "Equalized-odds difference", Direction.LowerIsBetter, CheckNeeds.Labels, "The larger of the TPR and FPR differences over groups."),
        Fairness("equalized-odds-ratio", "Equalized-odds ratio", Direction.HigherIsBetter, CheckNeeds.Labels, "The smaller of the TPR and FPR ratios over groups."),
        Fairness("equal-opportunity-difference", "Equal-opportunity difference", Direction.LowerIsBetter, CheckNeeds.Labels, "TPR difference over groups."),
        Fairness("equal-opportunity-ratio", "Equal-opportunity ratio", Direction.HigherIsBetter, CheckNeeds.Labels, "TPR ratio over groups."),
        Fairness("predictive-parity-difference", "Predictive-parity difference", Direction.LowerIsBetter, CheckNeeds.Labels, "Precision difference over groups."),
        Fairness("predictive-parity-ratio", "Predictive-parity ratio", Direction.HigherIsBetter, CheckNeeds.Labels, "Precision ratio over groups."),
        Fairness("error-gap", "Regression error gap", Direction.LowerIsBetter, CheckNeeds.Labels | CheckNeeds.Regression, "Largest minus smallest mean absolute error over groups."),

        DataQuality("completeness", "Completeness", Direction.HigherIsBetter, CheckNeeds.None, "Smallest share of non-missing values over the checked columns.", "columns"),
        DataQuality("duplicates", "Duplicate rows", Direction.LowerIsBetter, CheckNeeds.None, "Share of rows that repeat an earlier row exactly."),
        DataQuality("constant-columns", "Constant columns", Direction.LowerIsBetter, CheckNeeds.None, "Number of columns with a single distinct value.", "columns"),
        DataQuality("label-balance", "Label balance", Direction.HigherIsBetter, CheckNeeds.Labels, "Share of the rarer label class."),
        DataQuality("schema", "Schema matches model inputs", Direction.LowerIsBetter, CheckNeeds.RunnableModel, "Number of model inputs without a fitting column."),
        DataQuality("min-group-share", "Smallest protected-group share", Direction.HigherIsBetter, CheckNeeds.ProtectedAttributes, "Smallest share of rows of any protected group.", "attributes", "intersections"),
        DataQuality("train-test-leakage", "Train/test leakage", Direction.LowerIsBetter, CheckNeeds.TrainingData, "Share of test rows that occur exactly in the training data.", "columns"),

        .. Robustness,
        .. Explainability,
        .. Security,
        .. Compliance,
    ];

    /// <summary>
    /// The types of the parameters beyond the group and column ones every family shares (which the policy parser
    /// knows itself): each family declares its own, and a name means the same thing wherever it appears.
    /// </summary>
    public static IReadOnlyList<ParameterSpec> Parameters { get; } =
        [.. RobustnessParameters, .. ExplainabilityParameters, .. SecurityParameters, .. ComplianceParameters];

    private static readonly Dictionary<string, ParameterSpec> ParameterByName =
        Parameters.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public static bool TryGetParameter(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ParameterSpec? spec) =>
        ParameterByName.TryGetValue(name, out spec);

    private static readonly Dictionary<string, CheckDefinition> ById = All.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CheckDefinition? definition) =>
        ById.TryGetValue(id, out definition);

    public static CheckDefinition Get(string id) =>
        ById.TryGetValue(id, out var definition) ? definition : throw new KeyNotFoundException($"Unknown check id '{id}'.");

    private static CheckDefinition Define(string family, string name, string title, Direction direction, CheckNeeds needs, string description, params string[] parameters) =>
        new($"{family}.{name}", title, direction, needs, parameters, description);

    private static CheckDefinition Performance(string name, string title, Direction direction, CheckNeeds needs, string description, params string[] parameters) =>
        new($"performance.{name}", title, direction, needs, parameters, description);

    private static CheckDefinition Fairness(string name, string title, Direction direction, CheckNeeds needs, string description) =>
        new($"fairness.{name}", title, direction, needs | CheckNeeds.ProtectedAttributes, GroupParameters, description);

    private static CheckDefinition DataQuality(string name, string title, Direction direction, CheckNeeds needs, string description, params string[] parameters) =>
        new($"data-quality.{name}", title, direction, needs, parameters, description);
}
