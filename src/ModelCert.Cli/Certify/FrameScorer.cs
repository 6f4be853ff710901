using ModelCert.Core;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Runtime;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Cli.Certify;

/// <summary>
/// The certified model as checks see it: scores a changed copy of the test data with the same session, input
/// binding and positive index as the main scoring run. Not thread-safe; <see cref="CreateCaller"/> gives another
/// scorer with its own input buffers over the same session (ONNX Runtime runs one session from several threads), so
/// concurrent callers share the loaded model as a deployment would.
/// </summary>
internal sealed class FrameScorer(ModelScorer scorer, IReadOnlyList<string> features, Func<ModelScorer> newScorer) : IFrameScorer, IDisposable
{
    public IReadOnlyList<string> Features { get; } = features;

    public double[] Score(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var scores = new double[frame.RowCount];
        try
        {
            foreach (var batch in scorer.Score(frame, 0))
            {
                Array.Copy(batch.Scores, 0, scores, batch.FirstRow, batch.Count);
            }
        }
        catch (OnnxRuntimeException ex)
        {
            // The runtime refused changed data (a value out of a tree's domain, say): for a check that is a finding.
            throw new InputException($"the model failed on the changed data: {ex.Message}", ex);
        }

        return scores;
    }

    public IFrameScorer CreateCaller() => new FrameScorer(newScorer(), Features, newScorer);

    public void Dispose() => scorer.Dispose();
}
