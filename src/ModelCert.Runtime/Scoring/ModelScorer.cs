using System.Globalization;
using ModelCert.Core;
using ModelCert.Core.Frames;

namespace ModelCert.Runtime.Scoring;

/// <summary>
/// Scores frames (or a streamed source, chunk by chunk) with an ONNX session: fills each input from its columns,
/// runs the model in batches, and reads back the label and the score.
/// </summary>
public sealed class ModelScorer : IDisposable
{
    private readonly OnnxSession _session;
    private readonly ScorerOptions _options;
    private readonly InputFeeder[] _feeders;
    private readonly IReadOnlyList<string> _outputNames;

    public ModelScorer(OnnxSession session, IReadOnlyList<InputBinding> bindings, string dataOrigin, ScorerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(bindings);
        _session = session;
        _options = options ?? new ScorerOptions();
        Layout = OutputLayout.Detect(session.Outputs, session.ModelPath);
        if (Layout.OutputNames.FirstOrDefault(name => session.Inputs.Any(i => i.Name == name)) is { } echoed)
        {
            throw new InputException(
                $"model '{session.ModelPath}' output '{echoed}' is its input '{echoed}' itself: the graph passes its input through and computes no score");
        }
        if (Layout.Probabilities is { } probabilities && probabilities.Shape[1] > 0 && _options.PositiveIndex >= probabilities.Shape[1])
        {
            throw new InputException(
                $"--positive-index {_options.PositiveIndex} is outside output '{probabilities.Name}', which has {probabilities.Shape[1]} classes (0 to {probabilities.Shape[1] - 1})");
        }

        _outputNames = Layout.OutputNames;
        _feeders = [.. bindings.Select(b => new InputFeeder(b, dataOrigin, _options.BatchRows))];
    }

    public OutputLayout Layout { get; }

    /// <summary>Scores every row of a chunk whose first row is <paramref name="firstRow"/> in the whole dataset.</summary>
    public IEnumerable<ScoredBatch> Score(Frame chunk, long firstRow)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        for (var start = 0; start < chunk.RowCount; start += _options.BatchRows)
        {
            var count = Math.Min(_options.BatchRows, chunk.RowCount - start);
            var inputs = new InputTensor[_feeders.Length];
            for (var i = 0; i < _feeders.Length; i++)
            {
                inputs[i] = _feeders[i].Fill(chunk, start, count, firstRow);
            }

            var outputs = Run(inputs, firstRow + start, count);
            yield return Read(outputs, firstRow + start, count);
        }
    }

    /// <summary>One run; a failure inside ONNX Runtime (a node the model's own data or shapes break) is the model's problem, named with the rows.</summary>
    private IReadOnlyList<OutputTensor> Run(InputTensor[] inputs, long firstRow, int count)
    {
        try
        {
            return _session.Run(inputs, _outputNames);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"model '{_session.ModelPath}' failed in ONNX Runtime on rows {firstRow + 1} to {firstRow + count}: {OnnxSession.Reason(ex)}"), ex);
        }
    }

    /// <summary>Scores a whole source, chunk by chunk, reporting rows done to <paramref name="progress"/>.</summary>
    public IEnumerable<ScoredBatch> Score(IFrameSource source, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        long done = 0;
        while (source.ReadChunk() is { } chunk)
        {
            foreach (var batch in Score(chunk, done))
            {
                yield return batch;
            }

            done += chunk.RowCount;
            progress?.Report(done);
        }
    }

    public void Dispose()
    {
        foreach (var feeder in _feeders)
        {
            feeder.Dispose();
        }
    }

    private ScoredBatch Read(IReadOnlyList<OutputTensor> outputs, long firstRow, int count)
    {
        OutputTensor Find(TensorInfo info) => outputs.First(o => o.Name == info.Name);
        if (Layout.Kind == ModelKind.Regressor)
        {
            var prediction = Find(Layout.Prediction!);
            RequireRows(prediction, count, IsColumn(prediction), "one value a row ([N] or [N,1])");
            return new ScoredBatch(firstRow, count, prediction.ToDoubleArray(), null, null);
        }

        var probabilities = Find(Layout.Probabilities!);
        var shape = probabilities.Shape;
        RequireRows(probabilities, count, shape.Count == 2 && shape[1] > _options.PositiveIndex, $"one row of class probabilities a row ([N,C], C > {_options.PositiveIndex})");
        var classes = checked((int)shape[1]);
        var all = probabilities.ToDoubleArray();
        var scores = new double[count];
        for (var i = 0; i < count; i++)
        {
            scores[i] = all[(i * classes) + _options.PositiveIndex];
        }

        if (Layout.Label is not { } labelInfo)
        {
            return new ScoredBatch(firstRow, count, scores, ArgMax(all, count, classes), null);
        }

        var label = Find(labelInfo);
        RequireRows(label, count, IsColumn(label), "one label a row ([N] or [N,1])");
        return label.ElementType switch
        {
            TensorElementType.String => new ScoredBatch(firstRow, count, scores, null, label.AsStrings()),
            TensorElementType.Int64 => new ScoredBatch(firstRow, count, scores, label.AsInt64(), null),
            _ => new ScoredBatch(firstRow, count, scores, [.. label.ToDoubleArray().Select(v => (long)v)], null),
        };
    }

    private static bool IsColumn(OutputTensor output) => output.Shape.Count == 1 || (output.Shape.Count == 2 && output.Shape[1] == 1);

    /// <summary>
    /// The model declared an output ModelCert can read, but what came back at run time must agree: a shape that does not
    /// hold one entry a row (a model whose declared shapes lie) is refused, not read past its end.
    /// </summary>
    private void RequireRows(OutputTensor output, int count, bool fits, string expected)
    {
        if (!fits || output.Shape.Count == 0 || output.Shape[0] != count)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"model '{_session.ModelPath}' output '{output.Name}' came back as {Shapes.Format(output.Shape)} for {count} rows; ModelCert needs {expected}"));
        }
    }

    private static long[] ArgMax(double[] probabilities, int count, int classes)
    {
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (probabilities[(i * classes) + c] > probabilities[(i * classes) + best])
                {
                    best = c;
                }
            }

            labels[i] = best;
        }

        return labels;
    }
}
