using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// The share of sampled rows whose decision a budgeted black-box search (<see cref="EvasionSearch"/>) flips within
/// an L-infinity ball of epsilon x each numeric feature's range, at each epsilon; decided on the largest with its
/// Wilson interval. The drivers are the features the successful searches moved most (mean move as a share of range).
/// </summary>
public sealed class EvasionSuccessRateCheck : ICheck
{
    public const int DefaultSample = 500;
    public const int DefaultBudget = 100;
    public const int DefaultRestarts = 3;
    public static readonly IReadOnlyList<double> DefaultEpsilons = [0.01, 0.05, 0.1];

    public string Id => "robustness.evasion-success-rate";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        var setup = RescoringSetup.Prepare(data, requirement, DefaultSample, decisions: true, Id, out var problem);
        if (setup is null)
        {
            return [problem!];
        }

        var numeric = setup.Features.Where(f => f.IsNumeric && f.Range > 0).ToList();
        if (numeric.Count == 0)
        {
            return [CheckResults.Skipped(requirement, "no numeric feature with a range to move: the L-infinity ball is defined on numeric features")];
        }

        var epsilons = requirement.Parameters.Numbers("epsilon", DefaultEpsilons).Distinct().Order().ToList();
        var budget = requirement.Parameters.Integer("budget", DefaultBudget);
        var restarts = requirement.Parameters.Integer("restarts", DefaultRestarts);
        var search = new EvasionSearch(setup, numeric, data.Threshold);
        var n = setup.Rows.Length;
        var points = new List<Dictionary<string, object?>>();
        (bool[] Flipped, int[] Queries, double[][] Moves) last = ([], [], []);
        for (var e = 0; e < epsilons.Count; e++)
        {
            var random = RowSample.Stream(data.Bootstrap.Seed, Id, RobustnessDetails.Invariant($"{epsilons[e]:R}"));
            if (search.Run(epsilons[e], budget, restarts, random, out var failure) is not { } outcome)
            {
                return [CheckResults.Error(requirement, $"the model could not score the evasion search's points at epsilon {RobustnessDetails.Format(epsilons[e])}: {failure}")];
            }

            last = outcome;
            var successes = outcome.Flipped.Count(f => f);
            points.Add(RobustnessDetails.Point(epsilons[e], (double)successes / n, WilsonInterval.Compute(successes, n, requirement.Confidence)));
        }

        var succeeded = Enumerable.Range(0, n).Where(i => last.Flipped[i]).ToList();
        var moves = numeric.Select((f, j) => (f.Name, Move: succeeded.Count == 0 ? 0 : succeeded.Average(i => last.Moves[i][j])))
            .OrderByDescending(m => m.Move)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        var drivers = moves.Where(m => m.Move > 0).Take(3).Select(m => m.Name).ToList();
        var count = succeeded.Count;
        var details = new Dictionary<string, object?>
        {
            ["sample_rows"] = n,
            ["epsilon"] = epsilons[^1],
            ["budget"] = budget,
            ["restarts"] = restarts,
            ["successes"] = count,
            ["mean_queries"] = last.Queries.Average(),
            ["features"] = numeric.Select(f => f.Name).ToList(),
            ["feature_moves"] = moves.Select(m => new Dictionary<string, object?> { ["feature"] = m.Name, ["mean_move_share_of_range"] = m.Move }).ToList(),
        };
        RobustnessDetails.AddCurve(details, "epsilon", "evasion success rate", points);
        RobustnessDetails.AddDrivers(details, drivers);
        var note = RobustnessDetails.Invariant(
            $"{count} of {n} sampled decisions flip within epsilon {epsilons[^1]} x each numeric feature's range ({budget} queries per row, {restarts} restarts)");
        if (RobustnessDetails.DriverNote(drivers, "features the successful searches moved most") is { } driverNote)
        {
            note += "; " + driverNote;
        }

        var measurement = new Measurement((double)count / n, WilsonInterval.Compute(count, n, requirement.Confidence), n);
        return [CheckResults.Decide(requirement, measurement, details: details, note: note)];
    }
}
