using System.Security.Cryptography;
using ModelCert.Core;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;
using ModelCert.Core.Frames;
using ModelCert.Core.Results;
using ModelCert.Core.Statistics;
using ModelCert.Data;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Cli.Certify;

/// <summary>
/// Reads the data, scores it (with the model, or from a predictions source), and turns labels and protected
/// columns into the arrays checks read. Every problem with the input fails here, before any check runs.
/// </summary>
internal static partial class EvaluationPreparer
{
    public static PreparedEvaluation Prepare(
        Submission submission, TimeProvider time, Action<string> status, IProgress<long>? progress = null, EvaluationNeeds? needs = null)
    {
        needs ??= EvaluationNeeds.Default;
        var dataPath = submission.Resolve(submission.DataPath);
        var schema = DatasetReader.Describe(dataPath);
        var model = submission.PredictionsMode ? null : OpenModel(submission, schema, needs.Limits);
        try
        {
            return Prepare(submission, dataPath, schema, model, time, status, progress, needs);
        }
        catch
        {
            model?.Dispose();
            throw;
        }
    }

    private static PreparedEvaluation Prepare(
        Submission submission, string dataPath, FrameSchema schema, OpenedModel? model, TimeProvider time, Action<string> status, IProgress<long>? progress,
        EvaluationNeeds needs)
    {
        var needed = NeededColumns(submission, schema, model?.Features ?? submission.Features ?? []);
        var (test, testAll) = ReadColumns(dataPath, schema, needed, needs.AllColumns, status);
        if (test.RowCount == 0)
        {
            throw new InputException($"data file '{submission.DataPath}' has no rows to evaluate (only a header, or empty)");
        }

        var datasets = new List<DatasetInfo> { Describe("test", dataPath, schema, test.RowCount) };
        Frame? train = null;
        Frame? trainAll = null;
        if (submission.TrainPath is { } trainRelative)
        {
            var trainPath = submission.Resolve(trainRelative);
            var trainSchema = DatasetReader.Describe(trainPath);
            var shared = needed.Where(c => trainSchema.Find(c) is not null).ToList();
            (train, trainAll) = ReadColumns(trainPath, trainSchema, shared, needs.AllTrainColumns, status);
            datasets.Add(Describe("train", trainPath, trainSchema, train.RowCount));
        }

        Frame? shifted = null;
        Frame? shiftedAll = null;
        if (submission.ShiftedPath is { } shiftedRelative)
        {
            var shiftedPath = submission.Resolve(shiftedRelative);
            var shiftedSchema = DatasetReader.Describe(shiftedPath);
            foreach (var column in needed.Where(c => c != submission.ScoreColumn && c != submission.IdColumn))
            {
                EvaluationColumns.RequireName(shiftedSchema, column, shiftedRelative, "shifted-data");
            }

            (shifted, shiftedAll) = ReadColumns(shiftedPath, shiftedSchema, [.. needed.Where(c => shiftedSchema.Find(c) is not null)], needs.AllShiftedColumns, status);
            datasets.Add(Describe("shifted", shiftedPath, shiftedSchema, shifted.RowCount));
        }

        var scored = model is null ? ReadPredictions(submission, test, dataPath, status) : Score(submission, model, test, status, progress);
        var task = ResolveTask(submission, scored.Kind);
        var (truth, target) = Labels(submission, task, test, submission.DataPath);
        var (shiftedTruth, shiftedTarget) = shifted is null ? (null, null) : Labels(submission, task, shifted, submission.ShiftedPath!);
        var (trainTruth, trainTarget) = train is not null && submission.LabelColumn is { } label && train.TryGetColumn(label, out _)
            ? Labels(submission, task, train, submission.TrainPath!)
            : (null, null);

        var attributes = Attributes(submission, test);
        var data = new EvaluationData
        {
            Task = task,
            Test = test,
            TestOrigin = submission.DataPath,
            Train = train,
            TrainTruth = trainTruth,
            TrainTarget = trainTarget,
            TrainOrigin = submission.TrainPath,
            TrainAllColumns = trainAll,
            TestAllColumns = testAll,
            Inspection = model?.Inspection,
            LabelColumn = submission.LabelColumn,
            Truth = truth,
            Target = target,
            Scores = scored.Scores,
            Predicted = task == ModelTask.BinaryClassification ? Decide(scored.Scores, submission.Threshold) : null,
            Threshold = submission.Threshold,
            Favourable = FavourableOutcomes.Parse(submission.Favourable) ?? throw new InputException($"--favourable '{submission.Favourable}' is not one of {string.Join(", ", FavourableOutcomes.Names)}"),
            Attributes = attributes,
            FeatureColumns = scored.FeatureColumns,
            ModelRunnable = !submission.PredictionsMode,
            SchemaProblems = scored.SchemaProblems,
            Profile = ParseProfile(submission.Profile),
            Privileged = Privileged(submission, attributes),
            Bootstrap = new BootstrapOptions { Replicates = submission.Replicates, Confidence = submission.Confidence, Seed = submission.Seed },
            Model = scored.Rescorer,
            ModelOrigin = submission.ModelPath,
            Shifted = shifted,
            ShiftedOrigin = submission.ShiftedPath,
            ShiftedAllColumns = shiftedAll,
            ShiftedTruth = shiftedTruth,
            ShiftedTarget = shiftedTarget,
            Proxies = submission.Proxies,
            Provenance = submission.Provenance,
            Card = submission.Card,
            Time = time,
            RiskTier = submission.RiskTier,
        };
        return new PreparedEvaluation(data, scored.Model, datasets) { Resources = new Owned(scored.Rescorer, model) };
    }

    /// <summary>
    /// A dataset's needed columns; with <paramref name="allColumns"/> (the PII scan), every column is read once and the
    /// needed ones are a view of the same columns, so checks that read the needed frame see no difference.
    /// </summary>
    private static (Frame Needed, Frame? All) ReadColumns(string dataPath, FrameSchema schema, List<string> needed, bool allColumns, Action<string> status)
    {
        var read = allColumns ? schema.Columns.Count : needed.Count;
        status($"reading {Path.GetFileName(dataPath)} ({read} of {schema.Columns.Count} columns)");
        if (!allColumns)
        {
            return (DatasetReader.ReadAll(dataPath, new DatasetReadOptions { Columns = needed }), null);
        }

        var all = DatasetReader.ReadAll(dataPath, new DatasetReadOptions { Columns = [.. schema.Names] });
        return (new Frame([.. needed.Select(name => all[name])], all.RowCount), all);
    }

    /// <summary>Disposes the scorer before the session it runs on.</summary>
    private sealed class Owned(IDisposable? scorer, IDisposable? model) : IDisposable
    {
        public void Dispose()
        {
            scorer?.Dispose();
            model?.Dispose();
        }
    }

    private static (bool[]? Truth, double[]? Target) Labels(Submission submission, ModelTask task, Frame frame, string origin)
    {
        if (submission.LabelColumn is not { } label)
        {
            return (null, null);
        }

        return task == ModelTask.Regression
            ? (null, EvaluationColumns.Numbers(frame, label, origin, "target"))
            : (EvaluationColumns.Truth(frame, label, submission.PositiveValue, origin), null);
    }

    /// <summary>The decision rule: positive when the score is above the threshold (strictly).</summary>
    private static bool[] Decide(double[] scores, double threshold)
    {
        var decisions = new bool[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            decisions[i] = scores[i] > threshold;
        }

        return decisions;
    }

    public static DefinitionProfile ParseProfile(string profile) => profile.ToLowerInvariant() switch
    {
        "strict" => DefinitionProfile.Strict,
        "fairlearn" => DefinitionProfile.Fairlearn,
        "aif360" => DefinitionProfile.Aif360,
        _ => throw new InputException($"--profile '{profile}' is not a definition profile; choose strict, fairlearn or aif360"),
    };

    private static ModelTask ResolveTask(Submission submission, ModelKind kind)
    {
        var task = submission.Task?.ToLowerInvariant() switch
        {
            null => kind == ModelKind.Regressor ? ModelTask.Regression : ModelTask.BinaryClassification,
            "binary_classification" or "classification" => ModelTask.BinaryClassification,
            "regression" => ModelTask.Regression,
            var other => throw new InputException($"task '{other}' is not supported; choose binary_classification or regression"),
        };
        if (!submission.PredictionsMode && (task == ModelTask.Regression) != (kind == ModelKind.Regressor))
        {
            throw new InputException($"the submission says the task is {submission.Task}, but model '{submission.ModelPath}' is a {kind.ToString().ToLowerInvariant()}");
        }

        return task;
    }

    /// <summary>The named privileged groups, plus the composed group (<c>x|y</c>) for each intersection of two named ones.</summary>
    private static Dictionary<string, string> Privileged(Submission submission, IEnumerable<ProtectedAttribute> attributes)
    {
        var privileged = new Dictionary<string, string>(submission.Privileged, StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            if (attribute.Name.Split('|') is [var left, var right]
                && submission.Privileged.TryGetValue(left, out var x) && submission.Privileged.TryGetValue(right, out var y))
            {
                privileged.TryAdd(attribute.Name, $"{x}|{y}");
            }
        }

        return privileged;
    }

    private static List<ProtectedAttribute> Attributes(Submission submission, Frame test)
    {
        var singles = submission.Protected.Select(p => EvaluationColumns.Attribute(test, p, submission.DataPath)).ToList();
        var all = new List<ProtectedAttribute>(singles);
        if (submission.Intersections)
        {
            for (var i = 0; i < singles.Count; i++)
            {
                for (var j = i + 1; j < singles.Count; j++)
                {
                    all.Add(EvaluationColumns.Intersect(singles[i], singles[j]));
                }
            }
        }

        return all;
    }

    /// <summary>The data's identity: its bytes, rows, and its full schema (not just the columns read).</summary>
    private static DatasetInfo Describe(string role, string path, FrameSchema schema, long rows)
    {
        var fingerprint = DatasetReader.Fingerprint(path, schema, rows);
        return new DatasetInfo(role, path, fingerprint.Sha256, fingerprint.Bytes, fingerprint.Rows, fingerprint.SchemaSha256, [.. schema.Names]);
    }

    /// <summary>The columns certification reads: model inputs, label, protected attributes, and the predictions join or score.</summary>
    private static List<string> NeededColumns(Submission submission, FrameSchema schema, IEnumerable<string> features)
    {
        var needed = new List<string>();
        void Add(string? column, string role)
        {
            if (column is null || needed.Contains(column, StringComparer.Ordinal))
            {
                return;
            }

            EvaluationColumns.RequireName(schema, column, submission.DataPath, role);
            needed.Add(column);
        }

        foreach (var feature in features)
        {
            Add(feature, "feature");
        }

        Add(submission.LabelColumn, "label");
        foreach (var attribute in submission.Protected)
        {
            Add(attribute, "protected");
        }

        foreach (var proxy in submission.Proxies)
        {
            Add(proxy, "proxy");
        }

        Add(submission.Provenance.ConsentColumn, "consent");

        Add(submission.PredictionsPath is null ? submission.ScoreColumn : submission.IdColumn, submission.PredictionsPath is null ? "score" : "id");
        return needed;
    }

    internal static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
