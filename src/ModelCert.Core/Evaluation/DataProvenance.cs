namespace ModelCert.Core.Evaluation;

/// <summary>
/// Where the evaluation data came from and on what basis it is held, as the submission declares it. Null fields
/// were not declared. <see cref="ConsentColumn"/> names a boolean-like column of the test data.
/// </summary>
public sealed record DataProvenance(
    string? Source,
    string? CollectionPeriod,
    string? LegalBasis,
    string? ConsentColumn,
    DateOnly? RetentionUntil);
