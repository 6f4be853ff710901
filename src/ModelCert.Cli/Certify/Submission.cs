using ModelCert.Core.Evaluation;

namespace ModelCert.Cli.Certify;

/// <summary>
/// What to certify and against what: the model (or a predictions source), the data by role, the label, the
/// protected attributes, the policies, and how to measure. Built from <c>modelcert.yaml</c> or the equivalent flags.
/// </summary>
internal sealed record Submission
{
    public string? ModelPath { get; init; }

    public string? ModelName { get; init; }

    public string? ModelVersion { get; init; }

    /// <summary><c>binary_classification</c> or <c>regression</c>; null means taken from the model's outputs.</summary>
    public string? Task { get; init; }

    public required string DataPath { get; init; }

    public string? TrainPath { get; init; }

    /// <summary>A shifted evaluation set, for the shifted-data robustness check.</summary>
    public string? ShiftedPath { get; init; }

    public string? LabelColumn { get; init; }

    public string? PositiveValue { get; init; }

    /// <summary>
    /// Which outcome is favourable, <c>positive</c> (default) or <c>negative</c>, as written (validated before the run):
    /// fairness rates, adverse-action reasons and remediation are measured on it.
    /// </summary>
    public string Favourable { get; init; } = "positive";

    public IReadOnlyList<string> Protected { get; init; } = [];

    public bool Intersections { get; init; } = true;

    /// <summary>Columns declared as proxies of protected attributes.</summary>
    public IReadOnlyList<string> Proxies { get; init; } = [];

    public IReadOnlyList<string>? Features { get; init; }

    public IReadOnlyDictionary<string, string> InputMap { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public int PositiveIndex { get; init; } = 1;

    /// <summary>
    /// The most memory the model's tensors may take while it runs, in bytes (<c>--model-memory</c>). A run option,
    /// not part of what is certified: it changes whether scoring finishes, never a score, so it is not recorded.
    /// </summary>
    public long ModelMemory { get; init; } = Commands.CommonOptions.DefaultModelMemoryBytes;

    public double Threshold { get; init; } = 0.5;

    /// <summary>Predictions mode: the column holding the score, in the predictions file or in the data.</summary>
    public string? ScoreColumn { get; init; }

    public string? PredictionsPath { get; init; }

    public string? IdColumn { get; init; }

    public IReadOnlyList<string> Policies { get; init; } = [];

    public string Profile { get; init; } = "strict";

    public IReadOnlyDictionary<string, string> Privileged { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public int Replicates { get; init; } = 1000;

    public double Confidence { get; init; } = 0.95;

    public ulong Seed { get; init; } = 20240601;

    public string? RiskTier { get; init; }

    public string? Jurisdiction { get; init; }

    public DataProvenance Provenance { get; init; } = new(null, null, null, null, null);

    public ModelCardFields Card { get; init; } = ModelCardFields.Empty;

    public required string OutputDirectory { get; init; }

    public string Format { get; init; } = "table";

    /// <summary>Where relative paths are resolved from: the submission file's folder, or the working directory.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    public bool PredictionsMode => ModelPath is null;

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));
}
