namespace ModelCert.Policy.Submissions;

/// <summary>
/// A <c>modelcert.yaml</c> submission as written: every field is null when the file leaves it out, so that command-line
/// flags and defaults can fill what is missing and a reader can tell "not said" from "said". Paths stay as written,
/// relative to <see cref="BaseDirectory"/>.
/// </summary>
public sealed record SubmissionSpec
{
    /// <summary>The file's path as given (shown in messages and records; no absolute path the user did not type).</summary>
    public required string Origin { get; init; }

    /// <summary>The folder holding the file: relative paths in it are relative to this.</summary>
    public required string BaseDirectory { get; init; }

    public ModelSpec? Model { get; init; }

    public PredictionsSpec? Predictions { get; init; }

    public DataSpec? Data { get; init; }

    public ProtectedSpec? Protected { get; init; }

    /// <summary>Policy files (relative to <see cref="BaseDirectory"/>) or <c>builtin:NAME</c>, in order.</summary>
    public IReadOnlyList<string>? Policies { get; init; }

    public EvaluationSpec? Evaluation { get; init; }

    public ContextSpec? Context { get; init; }

    public OutputSpec? Output { get; init; }

    public ProvenanceSpec? Provenance { get; init; }

    public CardSpec? Card { get; init; }
}

/// <summary>
/// The model: its ONNX <see cref="File"/> (absent in predictions mode), <see cref="Task"/> (<c>binary_classification</c>
/// or <c>regression</c>), decision threshold, which output column is the positive class, and how data columns feed
/// its inputs (<see cref="Features"/> packed into one input, <see cref="InputMap"/> from input name to column).
/// </summary>
public sealed record ModelSpec(
    string? Name,
    string? Version,
    string? File,
    string? Task,
    double? Threshold,
    int? PositiveIndex,
    IReadOnlyList<string>? Features,
    IReadOnlyDictionary<string, string>? InputMap);

/// <summary>Predictions mode: scores in <see cref="ScoreColumn"/>, of the data or of <see cref="File"/> joined on <see cref="IdColumn"/>.</summary>
public sealed record PredictionsSpec(string? File, string? ScoreColumn, string? IdColumn);

/// <summary>
/// The datasets by role and the label. <see cref="Positive"/> is the positive label value exactly as written
/// (<c>1</c>, <c>"&gt;50K"</c>, <c>yes</c>), to be compared with the data's text. <see cref="Favourable"/> says which
/// outcome is favourable, <c>positive</c> or <c>negative</c>.
/// </summary>
public sealed record DataSpec(string? Test, string? Train, string? Shifted, string? Label, string? Positive, string? Favourable = null);

/// <summary>The protected attributes (columns; need not be model inputs), whether pairs are evaluated, and reference groups.</summary>
public sealed record ProtectedSpec(
    IReadOnlyList<string>? Attributes, bool? Intersections, IReadOnlyDictionary<string, string>? Privileged, IReadOnlyList<string>? Proxies = null);

/// <summary>How to measure: definition profile (<c>strict</c>, <c>fairlearn</c>, <c>aif360</c>), bootstrap replicates, confidence, seed.</summary>
public sealed record EvaluationSpec(string? Profile, int? Replicates, double? Confidence, ulong? Seed);

/// <summary>What the submission says about itself for policy scope: risk tier and jurisdiction.</summary>
public sealed record ContextSpec(string? RiskTier, string? Jurisdiction);

/// <summary>Where results go and how they are printed (<c>table</c>, <c>json</c>, <c>junit</c>, <c>markdown</c>).</summary>
public sealed record OutputSpec(string? Directory, string? Format);

/// <summary>
/// Where the data came from and on what basis it is held, for the compliance checks. <see cref="RetentionUntil"/> is
/// an ISO date (<c>2030-12-31</c>), validated, kept as written.
/// </summary>
public sealed record ProvenanceSpec(string? Source, string? CollectionPeriod, string? LegalBasis, string? ConsentColumn, string? RetentionUntil);

/// <summary>Free-text model-card fields, written into the evidence pack's model card.</summary>
public sealed record CardSpec(
    string? IntendedUse,
    string? OutOfScopeUses,
    string? Owner,
    string? Contact,
    string? Limitations,
    string? EthicalConsiderations,
    string? TrainingData,
    string? EvaluationData);
