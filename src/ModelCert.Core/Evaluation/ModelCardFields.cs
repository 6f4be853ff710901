namespace ModelCert.Core.Evaluation;

/// <summary>The model-card fields the submission declares (free text); null fields were not declared.</summary>
public sealed record ModelCardFields(
    string? IntendedUse,
    string? OutOfScopeUses,
    string? Owner,
    string? Contact,
    string? Limitations,
    string? EthicalConsiderations,
    string? TrainingData,
    string? EvaluationData)
{
    public static ModelCardFields Empty { get; } = new(null, null, null, null, null, null, null, null);
}
