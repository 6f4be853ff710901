using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Cli.Certify;

/// <summary>
/// The certified model as checks see it: scores a changed copy of the test data with the same session, input
/// binding and positive index as the main scoring run. Not thread-safe; checks that score concurrently open their own.
/// </summary>
internal sealed class FrameScorer(ModelScorer scorer, IReadOnlyList<string> features) : IFrameScorer, IDisposable
{
    public IReadOnlyList<string> Features { get; } = features;

    public double[] Score(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var scores = new double[frame.RowCount];
        foreach (var batch in scorer.Score(frame, 0))
        {
            Array.Copy(batch.Scores, 0, scores, batch.FirstRow, batch.Count);
        }

        return scores;
    }

    public void Dispose() => scorer.Dispose();
}
