using ModelCert.Core.Frames;

namespace ModelCert.Core.Evaluation;

/// <summary>
/// The model under certification, as checks that re-score changed data see it (robustness, explainability,
/// membership inference). Implemented over ONNX Runtime by the CLI; Core never runs a model itself.
/// </summary>
public interface IFrameScorer
{
    /// <summary>The data columns the model reads, in input order.</summary>
    IReadOnlyList<string> Features { get; }

    /// <summary>
    /// Scores every row of <paramref name="frame"/>, which holds at least <see cref="Features"/> with the kinds of the
    /// test data: the positive-class score of a classifier, or a regressor's prediction, one per row in row order.
    /// </summary>
    /// <exception cref="InputException">A value the model cannot take (a missing value for an integer input, say).</exception>
    double[] Score(Frame frame);

    /// <summary>
    /// Another caller of the same model, with its own buffers, that can score at the same time as this one and every
    /// other caller (the operational checks measure memory under concurrent callers). Null when the scorer cannot
    /// serve several threads. The caller owns the result: dispose it when it is <see cref="IDisposable"/>.
    /// </summary>
    IFrameScorer? CreateCaller() => null;
}
