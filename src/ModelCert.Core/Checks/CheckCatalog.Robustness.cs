namespace ModelCert.Core.Checks;

public static partial class CheckCatalog
{
    private const CheckNeeds Rescoring = CheckNeeds.RunnableModel;

    /// <summary>The robustness family: how decisions and metrics hold up when the inputs change.</summary>
    private static CheckDefinition[] Robustness =>
    [
        Define("robustness", "noise-flip-rate", "Decision flips under noise", Direction.LowerIsBetter, Rescoring | CheckNeeds.Classification,
            "Share of decisions that change when numeric features get Gaussian noise at scale x their standard deviation and categoricals are swapped at swap_rate.",
            "scale", "swap_rate", "sample", "features"),
        Define("robustness", "noise-metric-drop", "Metric drop under noise", Direction.LowerIsBetter, Rescoring | CheckNeeds.Labels,
            "How much a metric falls (clean minus noisy) under the same noise as noise-flip-rate.",
            "metric", "scale", "swap_rate", "sample", "features"),
        Define("robustness", "missing-flip-rate", "Decision flips under missing values", Direction.LowerIsBetter, Rescoring | CheckNeeds.Classification,
            "Largest share of decisions that change when values of one feature are set missing at rate; each feature in turn.",
            "rate", "sample", "features"),
        Define("robustness", "counterfactual-flip-rate", "Counterfactual decision flips", Direction.LowerIsBetter, Rescoring | CheckNeeds.Classification | CheckNeeds.ProtectedAttributes,
            "Share of decisions that change when a protected attribute (or a declared proxy) that the model reads is set to each other group.",
            "attributes", "proxies", "sample"),
        Define("robustness", "worst-slice", "Worst data slice", Direction.LowerIsBetter, CheckNeeds.Labels,
            "Largest error gap (slice error minus overall error) over significant slices of up to max_predicates feature predicates with at least min_slice_size rows.",
            "min_slice_size", "max_predicates", "bins", "alpha", "features", "top"),
        Define("robustness", "evasion-success-rate", "Black-box evasion success", Direction.LowerIsBetter, Rescoring | CheckNeeds.Classification,
            "Share of sampled rows whose decision a budgeted search flips within an L-infinity ball of epsilon x each numeric feature's range.",
            "epsilon", "budget", "restarts", "sample", "features"),
        Define("robustness", "shift-metric-drop", "Metric drop on shifted data", Direction.LowerIsBetter, Rescoring | CheckNeeds.Labels | CheckNeeds.ShiftedData,
            "How much a metric falls from the test set to the --shifted set.",
            "metric"),
        Define("robustness", "latency", "Single-row latency", Direction.LowerIsBetter, Rescoring,
            "Single-row scoring latency at a percentile (50, 95 or 99), in milliseconds.",
            "percentile", "runs"),
        Define("robustness", "throughput", "Batch throughput", Direction.HigherIsBetter, Rescoring,
            "Rows scored per second in batches.",
            "batch_rows", "runs"),
        Define("robustness", "concurrent-memory", "Peak memory under concurrent callers", Direction.LowerIsBetter, Rescoring,
            "Peak extra resident memory in MiB while callers each score batch_rows rows concurrently.",
            "callers", "runs", "batch_rows"),
    ];

    private static ParameterSpec[] RobustnessParameters =>
    [
        ParameterSpec.Numbers("scale", 0, 10, "Noise standard deviation as multiples of each numeric feature's standard deviation, e.g. [0.01, 0.05, 0.1]."),
        ParameterSpec.Number("swap_rate", 0, 1, "Share of categorical values swapped to another observed category."),
        ParameterSpec.Integer("sample", 1, 10_000_000, "Rows sampled (seeded) for the expensive part of the check."),
        ParameterSpec.NameList("features", "The features to perturb or search (default: every model input)."),
        ParameterSpec.Choice("metric", "The metric whose change is measured.", "accuracy", "f1", "recall", "precision", "roc_auc", "mae", "rmse"),
        ParameterSpec.Number("rate", 0, 1, "Share of values set missing."),
        ParameterSpec.NameList("proxies", "Columns treated as proxies of protected attributes (default: the submission's)."),
        ParameterSpec.Integer("min_slice_size", 1, int.MaxValue, "Smallest slice (rows) the worst-slice search considers."),
        ParameterSpec.Integer("max_predicates", 1, 3, "Largest number of feature predicates in a slice."),
        ParameterSpec.Number("alpha", 0, 1, "False-discovery rate for Benjamini-Hochberg."),
        ParameterSpec.Integer("top", 1, 1000, "Slices listed in the results."),
        ParameterSpec.Numbers("epsilon", 0, 1, "L-infinity radii as shares of each numeric feature's range, e.g. [0.01, 0.05]."),
        ParameterSpec.Integer("budget", 1, 1_000_000, "Model queries per row in the evasion search."),
        ParameterSpec.Integer("restarts", 1, 1000, "Random restarts per row in the evasion search."),
        ParameterSpec.Choice("percentile", "The latency percentile decided on.", "50", "95", "99"),
        ParameterSpec.Integer("runs", 1, 1_000_000, "Timed repetitions."),
        ParameterSpec.Integer("batch_rows", 1, 10_000_000, "Rows per batch for throughput."),
        ParameterSpec.Integer("callers", 1, 256, "Concurrent callers for peak memory."),
    ];
}
