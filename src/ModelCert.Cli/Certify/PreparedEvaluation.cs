using ModelCert.Core.Evaluation;
using ModelCert.Core.Results;

namespace ModelCert.Cli.Certify;

/// <summary>The evaluation ready for checks, with what the results document records about model and data.</summary>
internal sealed record PreparedEvaluation(EvaluationData Data, ModelInfo Model, IReadOnlyList<DatasetInfo> Datasets);
