using ModelCert.Core.Evaluation;

namespace ModelCert.Core.Results;

/// <summary>
/// results.json: the shared record of one certification, read by the CLI, the server, reports and tests.
/// Names are snake_case on the wire; a rate with a zero denominator is null, never 0 (strict profile).
/// </summary>
public sealed record ResultsDocument
{
    public string Schema { get; init; } = "modelcert/results/v1";

    public required string Verdict { get; init; }

    public required ToolInfo Tool { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Task { get; init; }

    public required string Profile { get; init; }

    public required BootstrapInfo Bootstrap { get; init; }

    public double? Threshold { get; init; }

    /// <summary>
    /// Classification: which outcome is favourable, <c>positive</c> or <c>negative</c>; the fairness section, the fairness
    /// checks, adverse-action reasons and remediation are measured on it. Null for regression, and in documents written
    /// before the field existed (which measured the positive class).
    /// </summary>
    public string? Favourable { get; init; }

    public required ModelInfo Model { get; init; }

    public IReadOnlyList<DatasetInfo> Datasets { get; init; } = [];

    public IReadOnlyList<string> ProtectedAttributes { get; init; } = [];

    public IReadOnlyList<PolicyInfo> Policies { get; init; } = [];

    public required MetricsSection Metrics { get; init; }

    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    public required OutcomeSummary Summary { get; init; }
}

public sealed record ToolInfo(string Name, string Version, string OnnxRuntime, string DuckDb);

public sealed record BootstrapInfo(int Replicates, double Confidence, ulong Seed, string CountMethod, string ScoreMethod);

/// <summary>The model; in predictions mode <see cref="Path"/> names the predictions source and <see cref="Sha256"/> may be null.</summary>
public sealed record ModelInfo
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    public string? Path { get; init; }

    public string? Sha256 { get; init; }

    public long? Bytes { get; init; }

    public required string Mode { get; init; }

    public string? Producer { get; init; }

    public IReadOnlyList<string> Inputs { get; init; } = [];

    public IReadOnlyDictionary<string, string> InputColumns { get; init; } = new Dictionary<string, string>();

    /// <summary>From static inspection: the ONNX IR version (null in predictions mode).</summary>
    public long? IrVersion { get; init; }

    /// <summary>From static inspection: the imported operator sets, domain to version ("ai.onnx" for the default domain).</summary>
    public IReadOnlyDictionary<string, long>? Opsets { get; init; }

    /// <summary>From static inspection: nodes in all graphs, subgraphs and local functions.</summary>
    public long? NodeCount { get; init; }

    /// <summary>From static inspection: the external data files the model reads, relative to its folder.</summary>
    public IReadOnlyList<string>? ExternalData { get; init; }
}

public sealed record DatasetInfo(string Role, string Path, string Sha256, long Bytes, long Rows, string SchemaSha256, IReadOnlyList<string> Columns);

public sealed record PolicyInfo(string Name, string Version, string Origin, string Sha256);

public sealed record MetricsSection(PerformanceSection Performance, SortedDictionary<string, AttributeSection> Fairness);

public sealed record OutcomeSummary(int Pass, int Fail, int Review, int Warn, int Error, int Skipped)
{
    public static OutcomeSummary Of(IEnumerable<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var list = checks.ToList();
        int Count(Requirements.Outcome outcome) => list.Count(c => c.Outcome == outcome);
        return new OutcomeSummary(
            Count(Requirements.Outcome.Pass), Count(Requirements.Outcome.Fail), Count(Requirements.Outcome.Review),
            Count(Requirements.Outcome.Warn), Count(Requirements.Outcome.Error), Count(Requirements.Outcome.Skipped));
    }
}
