using System.Text.Json.Serialization;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Evaluation;

/// <summary>
/// One entry of results.json's <c>checks</c>: a requirement's outcome with the value, interval and threshold,
/// and a message that states actual against limit in words. <see cref="Attribute"/> is set for checks that run per
/// protected attribute (one entry each).
/// </summary>
public sealed record CheckResult
{
    public required string Id { get; init; }

    public required string Requirement { get; init; }

    public string? Title { get; init; }

    public required Outcome Outcome { get; init; }

    public double? Value { get; init; }

    public double[]? Ci { get; init; }

    public double? Confidence { get; init; }

    public Threshold? Threshold { get; init; }

    public string? Attribute { get; init; }

    public long? SampleSize { get; init; }

    public required string Message { get; init; }

    public string? Remediation { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public string? ThresholdSource { get; init; }

    /// <summary>Check-specific facts (groups left out, worst column...), kept small.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, object?>? Details { get; init; }
}
