namespace ModelCert.Policy;

/// <summary>
/// What a submission says about itself, for scope filtering. <see cref="Task"/> is <c>binary_classification</c> or
/// <c>regression</c>. A null <see cref="RiskTier"/> or <see cref="Jurisdiction"/> (not stated) matches every scope:
/// leaving a field out must never make requirements disappear.
/// </summary>
public sealed record SubmissionContext(string Task, string? RiskTier, string? Jurisdiction);
