using ModelCert.Core.Evaluation;
using ModelCert.Core.Results;

namespace ModelCert.Cli.Certify;

/// <summary>
/// The evaluation ready for checks, with what the results document records about model and data. Owns the open
/// model that <see cref="EvaluationData.Model"/> scores with, so dispose it once the checks have run.
/// </summary>
internal sealed record PreparedEvaluation(EvaluationData Data, ModelInfo Model, IReadOnlyList<DatasetInfo> Datasets) : IDisposable
{
    public IDisposable? Resources { get; init; }

    public void Dispose() => Resources?.Dispose();
}
