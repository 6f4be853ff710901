using ModelCert.Core;
using ModelCert.Core.Checks.Security;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Results;
using ModelCert.Data;
using ModelCert.Runtime;
using ModelCert.Runtime.Onnx;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Cli.Certify;

internal static partial class EvaluationPreparer
{
    private sealed record Scored(double[] Scores, ModelKind Kind, ModelInfo Model, IReadOnlyList<string> FeatureColumns, IReadOnlyList<string> SchemaProblems)
    {
        /// <summary>The model for checks that re-score; null in predictions mode.</summary>
        public FrameScorer? Rescorer { get; init; }
    }

    /// <summary>An open model with its inputs already matched to the data's columns, and what inspecting its file found.</summary>
    private sealed class OpenedModel(OnnxSession session, IReadOnlyList<InputBinding> bindings, string path, ModelInspection inspection) : IDisposable
    {
        public ModelInspection Inspection { get; } = inspection;

        public OnnxSession Session { get; } = session;

        public IReadOnlyList<InputBinding> Bindings { get; } = bindings;

        public string Path { get; } = path;

        public IReadOnlyList<string> Features { get; } = [.. bindings.SelectMany(b => b.Columns).Distinct(StringComparer.Ordinal)];

        public void Dispose() => Session.Dispose();
    }

    /// <summary>Inspects the model file statically (refusing it on any violation), and only then lets ONNX Runtime load it.</summary>
    private static OpenedModel OpenModel(Submission submission, FrameSchema schema, ModelInspectionLimits limits)
    {
        var modelPath = submission.Resolve(submission.ModelPath!);
        var inspection = OnnxInspector.InspectOrRefuse(modelPath, limits, submission.ModelPath);
        var session = OnnxSession.Open(modelPath, Commands.CommonOptions.SessionOptions(submission.ModelMemory));
        try
        {
            var mapping = new InputMappingOptions { Features = submission.Features, ExplicitMap = submission.InputMap, DataOrigin = submission.DataPath };
            return new OpenedModel(session, InputMapper.Resolve(session.Inputs, schema, mapping, submission.ModelPath!), modelPath, inspection);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs the ONNX model over the data; the decision is the score against the threshold, not the model's label.</summary>
    private static Scored Score(Submission submission, OpenedModel model, Frame test, Action<string> status, IProgress<long>? progress)
    {
        status($"scoring with {System.IO.Path.GetFileName(model.Path)}");
        var session = model.Session;
        var options = new ScorerOptions { PositiveIndex = submission.PositiveIndex };
        var scorer = new ModelScorer(session, model.Bindings, submission.DataPath, options);
        var rescorer = new FrameScorer(scorer, model.Features, () => new ModelScorer(session, model.Bindings, submission.DataPath, options));
        var scores = new double[test.RowCount];
        foreach (var batch in scorer.Score(test, 0))
        {
            Array.Copy(batch.Scores, 0, scores, batch.FirstRow, batch.Count);
            progress?.Report(batch.FirstRow + batch.Count);
        }

        var inspection = model.Inspection;
        var described = new ModelInfo
        {
            Name = submission.ModelName ?? System.IO.Path.GetFileNameWithoutExtension(model.Path),
            Version = submission.ModelVersion ?? (session.Metadata.Version > 0 ? session.Metadata.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
            Path = model.Path,
            Sha256 = inspection.Sha256 ?? Sha256Of(model.Path),
            Bytes = inspection.Bytes,
            Mode = "onnx",
            Producer = session.Metadata.ProducerName,
            Inputs = [.. session.Inputs.Select(i => i.Name)],
            InputColumns = model.Bindings.ToDictionary(b => b.Input.Name, b => string.Join(",", b.Columns), StringComparer.Ordinal),
            IrVersion = inspection.IrVersion,
            Opsets = inspection.Opsets
                .GroupBy(o => o.Domain.Length == 0 ? "ai.onnx" : o.Domain, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Max(o => o.Version), StringComparer.Ordinal),
            NodeCount = inspection.NodeCount,
            ExternalData = [.. inspection.ExternalData.Select(e => e.Location).Distinct(StringComparer.Ordinal)],
        };
        return new Scored(scores, scorer.Layout.Kind, described, model.Features, []) { Rescorer = rescorer };
    }

    /// <summary>
    /// Predictions mode: scores from a column of the data, or from a predictions file joined on an id column
    /// (every data row must find exactly one prediction).
    /// </summary>
    private static Scored ReadPredictions(Submission submission, Frame test, string dataPath, Action<string> status)
    {
        var scoreColumn = submission.ScoreColumn
            ?? throw new InputException("without --model, name the score column with --score-column (in the data, or in --predictions)");
        double[] scores;
        string source;
        if (submission.PredictionsPath is { } relative)
        {
            var path = submission.Resolve(relative);
            status($"joining predictions from {Path.GetFileName(path)}");
            var idColumn = submission.IdColumn ?? throw new InputException("--predictions needs --id-column to join predictions to data rows");
            var predictions = DatasetReader.ReadAll(path);
            scores = Join(test, predictions, idColumn, scoreColumn, submission.DataPath, relative);
            source = path;
        }
        else
        {
            scores = EvaluationColumns.Numbers(test, scoreColumn, submission.DataPath, "score");
            source = dataPath;
        }

        var model = new ModelInfo
        {
            Name = submission.ModelName ?? Path.GetFileNameWithoutExtension(source),
            Version = submission.ModelVersion,
            Path = source,
            Sha256 = submission.PredictionsPath is null ? null : Sha256Of(source),
            Mode = "predictions",
            Inputs = [],
        };
        return new Scored(scores, ModelKind.Classifier, model, submission.Features ?? [], []);
    }

    private static double[] Join(Frame test, Frame predictions, string idColumn, string scoreColumn, string dataOrigin, string predictionsOrigin)
    {
        var ids = EvaluationColumns.Require(test, idColumn, dataOrigin, "id");
        var predictionIds = EvaluationColumns.Require(predictions, idColumn, predictionsOrigin, "id");
        var values = EvaluationColumns.Numbers(predictions, scoreColumn, predictionsOrigin, "score");
        var byId = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var row = 0; row < predictions.RowCount; row++)
        {
            var id = predictionIds.FormatValue(row) ?? throw new InputException($"'{predictionsOrigin}' row {row + 1}, column '{idColumn}': the id is missing");
            if (!byId.TryAdd(id, values[row]))
            {
                throw new InputException($"'{predictionsOrigin}' row {row + 1}, column '{idColumn}': id '{id}' occurs twice; each row needs one prediction");
            }
        }

        var scores = new double[test.RowCount];
        for (var row = 0; row < test.RowCount; row++)
        {
            var id = ids.FormatValue(row);
            if (id is null || !byId.TryGetValue(id, out scores[row]))
            {
                throw new InputException($"'{dataOrigin}' row {row + 1}, column '{idColumn}': id '{id}' has no prediction in '{predictionsOrigin}'");
            }
        }

        return scores;
    }
}
