using ModelCert.Core.Evaluation;
using ModelCert.Core.Metrics;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Security;

/// <summary>
/// Membership-inference risk by a loss-threshold attack (Yeom et al., 2018): a model that fits its training rows much
/// better than unseen rows gives away who was in the training set. Up to <c>sample</c> rows (default 2,000, seeded) are
/// drawn from the training data (members, scored now with the model) and from the test data (non-members, already
/// scored); each row's loss is its log loss (classification) or squared error (regression); the value is the AUC of
/// "lower loss means member" with DeLong's interval. 0.5 means the losses say nothing about membership.
/// </summary>
public sealed class MembershipInferenceCheck : ICheck
{
    private const int DefaultSample = 2000;
    private const ulong SamplingStream = 0x4D454D42; // "MEMB": its own stream, apart from the bootstrap's.

    public string Id => "security.membership-inference";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(requirement);
        if (Skip(data) is { } reason)
        {
            return [CheckResults.Skipped(requirement, reason)];
        }

        var train = data.Train!;
        var missing = data.Model!.Features.Where(f => !train.TryGetColumn(f, out _)).ToList();
        if (missing.Count > 0)
        {
            return [CheckResults.Error(requirement, $"the training data has no column {string.Join(", ", missing.Select(c => $"'{c}'"))}, which the model reads, so its rows cannot be scored")];
        }

        var sample = requirement.Parameters.Integer("sample", DefaultSample);
        var random = SeededRandom.ForStream(data.Bootstrap.Seed, SamplingStream);
        var memberRows = FrameRows.Sample(train.RowCount, sample, random);
        var nonMemberRows = FrameRows.Sample(data.Rows, sample, random);
        if (memberRows.Length == 0 || nonMemberRows.Length == 0)
        {
            return [CheckResults.Error(requirement, memberRows.Length == 0 ? "the training data has no rows" : $"{data.TestOrigin} has no rows")];
        }

        double[] memberScores;
        try
        {
            memberScores = data.Model.Score(FrameRows.Take(train, memberRows));
        }
        catch (InputException ex)
        {
            return [CheckResults.Error(requirement, $"the training rows could not be scored: {ex.Message}")];
        }

        var memberLosses = Losses(data, memberRows, memberScores, member: true);
        var nonMemberLosses = Losses(data, nonMemberRows, [.. nonMemberRows.Select(r => data.Scores![r])], member: false);
        if (memberLosses.Concat(nonMemberLosses).Any(double.IsNaN))
        {
            return [CheckResults.Error(requirement, "the model gave a score that is not a number (NaN), so losses cannot be compared")];
        }

        var attack = MembershipAuc.Compute(memberLosses, nonMemberLosses, requirement.Confidence);
        var details = new Dictionary<string, object?>
        {
            ["members_sampled"] = memberRows.Length,
            ["non_members_sampled"] = nonMemberRows.Length,
            ["mean_member_loss"] = memberLosses.Average(),
            ["mean_non_member_loss"] = nonMemberLosses.Average(),
            ["advantage"] = attack.Advantage,
            ["loss"] = data.Task == ModelTask.Regression ? "squared error" : "log loss",
            ["method"] = "loss-threshold attack (Yeom et al. 2018): AUC of lower loss means member, DeLong interval",
        };
        var note = FormattableString.Invariant(
            $"{memberRows.Length} training and {nonMemberRows.Length} test rows; mean loss {memberLosses.Average():0.####} on training rows against {nonMemberLosses.Average():0.####} on test rows; best advantage {attack.Advantage:0.####}");
        var measurement = new Measurement(attack.Auc, attack.Interval, Math.Min(memberRows.Length, nonMemberRows.Length));
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }

    private static string? Skip(EvaluationData data)
    {
        if (!data.ModelRunnable || data.Model is null || data.Scores is null)
        {
            return "predictions mode: the training rows cannot be scored without the model";
        }

        if (data.Train is null)
        {
            return "no training data: the submission names no train dataset";
        }

        var labelled = data.Task == ModelTask.Regression
            ? data.Target is not null && data.TrainTarget is not null
            : data.Truth is not null && data.TrainTruth is not null;
        return labelled ? null : "no labels: the label column must be in both the training and the test data";
    }

    private static double[] Losses(EvaluationData data, int[] rows, double[] scores, bool member)
    {
        var losses = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (data.Task == ModelTask.Regression)
            {
                var target = member ? data.TrainTarget![row] : data.Target![row];
                losses[i] = (scores[i] - target) * (scores[i] - target);
            }
            else
            {
                var positive = member ? data.TrainTruth![row] : data.Truth![row];
                var p = Math.Clamp(scores[i], ScoreMetrics.LogLossEpsilon, 1 - ScoreMetrics.LogLossEpsilon);
                losses[i] = -Math.Log(positive ? p : 1 - p);
            }
        }

        return losses;
    }
}
