using ModelCert.Core.Requirements;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

/// <summary>One policy file as written, before extends and merging. Fields that failed validation are left empty (and reported).</summary>
internal sealed record PolicyDocument(
    PolicyMetadata Metadata,
    IReadOnlyList<ExtendsEntry> Extends,
    PolicyScope Scope,
    PolicyDefaults Defaults,
    IReadOnlyList<RequirementSpec> Requirements);

internal sealed record PolicyMetadata(string Name, string Version, string? Description, string? Owner);

internal sealed record ExtendsEntry(string Reference, SourcePosition Position);

/// <summary>Where a policy or requirement applies; an empty list means "any".</summary>
internal sealed record PolicyScope(IReadOnlyList<string> Tasks, IReadOnlyList<string> RiskTiers, IReadOnlyList<string> Jurisdictions)
{
    public static PolicyScope Any { get; } = new([], [], []);
}

/// <summary>A policy's defaults for its own requirements' unset fields.</summary>
internal sealed record PolicyDefaults(double? Confidence, int? MinSample, FailAction? OnFail, UncertainAction? OnUncertain)
{
    public static PolicyDefaults None { get; } = new(null, null, null, null);
}

/// <summary>One requirement as declared in one file; only ones with a valid id and check are kept.</summary>
internal sealed record RequirementSpec(
    string Id,
    SourcePosition Position,
    string? Title,
    string Check,
    SourcePosition CheckPosition,
    IReadOnlyList<ParameterValue> Parameters,
    ThresholdSide? Min,
    ThresholdSide? Max,
    double? Confidence,
    FailAction? OnFail,
    UncertainAction? OnUncertain,
    int? MinSample,
    IReadOnlyList<string> References,
    string? Rationale,
    string? Remediation,
    PolicyScope Scope);

internal sealed record ThresholdSide(double Value, SourcePosition Position);

/// <summary>
/// One check parameter. <see cref="Value"/> is typed (null for <c>attributes: all</c>); <see cref="Display"/> is a
/// canonical rendering used to compare values across policies and to show them in messages.
/// </summary>
internal sealed record ParameterValue(string Name, object? Value, string Display, SourcePosition Position);
