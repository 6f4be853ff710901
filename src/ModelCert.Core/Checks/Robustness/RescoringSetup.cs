using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// What the re-scoring robustness checks share: the model, a seeded sample of test rows, the model's unchanged
/// scores and decisions on it, and the features to perturb with their whole-test-set statistics. <see cref="Prepare"/>
/// returns a skipped or error result instead when the check cannot run (predictions mode, regression for a
/// decision check, unknown features, a model that rejects the unchanged sample).
/// </summary>
internal sealed class RescoringSetup
{
    private RescoringSetup(IFrameScorer model, Frame sample, int[] rows, double[] scores, bool[] decisions, IReadOnlyList<ColumnStats> features)
    {
        Model = model;
        Sample = sample;
        Rows = rows;
        Scores = scores;
        Decisions = decisions;
        Features = features;
    }

    public IFrameScorer Model { get; }

    /// <summary>The sampled test rows, every column.</summary>
    public Frame Sample { get; }

    /// <summary>The sampled rows' indices in the test data.</summary>
    public int[] Rows { get; }

    public double[] Scores { get; }

    public bool[] Decisions { get; }

    /// <summary>The features to perturb, as the sample's columns, with statistics over the whole test set.</summary>
    public IReadOnlyList<ColumnStats> Features { get; }

    public static RescoringSetup? Prepare(EvaluationData data, Requirement requirement, int defaultSample, bool decisions, string stream, out CheckResult? problem)
    {
        problem = Unavailable(data, requirement, decisions);
        if (problem is not null)
        {
            return null;
        }

        var model = data.Model!;
        var features = ChooseFeatures(data, requirement, model, out var featureProblem);
        if (featureProblem is not null)
        {
            problem = CheckResults.Error(requirement, featureProblem);
            return null;
        }

        var sampleSize = requirement.Parameters.Integer("sample", defaultSample);
        var rows = RowSample.Choose(data.Rows, sampleSize, RowSample.Stream(data.Bootstrap.Seed, stream, "sample"));
        var sample = FrameEdit.Take(data.Test, rows);
        var scores = ModelScoring.TryScore(model, sample, out var scoreProblem);
        if (scores is null)
        {
            problem = CheckResults.Error(requirement, $"the model could not score the unchanged sample of {data.TestOrigin}: {scoreProblem}");
            return null;
        }

        var stats = features.Select(f => (Sample: sample[f.Name], Stats: ColumnStats.Of(f))).ToList();
        return new RescoringSetup(model, sample, rows, scores, ModelScoring.Decide(scores, data.Threshold), [.. stats.Select(s => s.Stats.ForSample(s.Sample))]);
    }

    /// <summary>Why a re-scoring check cannot run on this submission, or null when it can.</summary>
    public static CheckResult? Unavailable(EvaluationData data, Requirement requirement, bool decisions)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (data.Model is null)
        {
            return CheckResults.Skipped(requirement, "predictions mode: there is no model to re-score changed data; certify with --model");
        }

        if (decisions && data.Task != ModelTask.BinaryClassification)
        {
            return CheckResults.Skipped(requirement, "regression: there are no decisions to flip; use robustness.noise-metric-drop");
        }

        return data.Rows == 0 ? CheckResults.Error(requirement, $"{data.TestOrigin} has no rows to perturb") : null;
    }

    /// <summary>The requirement's <c>features</c> (each a model input and a test column), else every model input.</summary>
    private static List<Column> ChooseFeatures(EvaluationData data, Requirement requirement, IFrameScorer model, out string? problem)
    {
        problem = null;
        var listed = requirement.Parameters.Names("features");
        var names = listed ?? model.Features;
        var columns = new List<Column>();
        var unknown = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (!data.Test.TryGetColumn(name, out var column))
            {
                unknown.Add($"'{name}' (not a column of {data.TestOrigin})");
            }
            else if (listed is not null && !model.Features.Contains(name, StringComparer.Ordinal))
            {
                unknown.Add($"'{name}' (not a model input)");
            }
            else
            {
                columns.Add(column);
            }
        }

        if (unknown.Count > 0)
        {
            problem = $"the requirement's features name {string.Join(", ", unknown)}; the model reads {string.Join(", ", model.Features)}";
        }
        else if (columns.Count == 0)
        {
            problem = "there are no features to perturb: the model reads no columns of the test data";
        }

        return columns;
    }
}
