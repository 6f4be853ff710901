using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// Counterfactual flips for each protected attribute (or declared proxy) that is a model input: every sampled row's
/// value is set to each other observed group in turn and the sample re-scored. The value is the share of rows (with
/// a value for the attribute) whose decision changes for at least one other group, with its Wilson interval; the
/// details give, per target group, the share of rows from other groups whose decision changes when moved into it.
/// One result per attribute; attributes the model does not read are listed, and without any the check is skipped.
/// </summary>
public sealed class CounterfactualFlipRateCheck : ICheck
{
    public const int DefaultSample = 10_000;

    /// <summary>A column with more distinct values than this is not a set of groups (a numeric proxy, say).</summary>
    public const int MaxGroups = 50;

    public string Id => "robustness.counterfactual-flip-rate";

    public IReadOnlyList<CheckResult> Evaluate(EvaluationData data, Requirement requirement)
    {
        if (RescoringSetup.Unavailable(data, requirement, decisions: true) is { } unavailable)
        {
            return [unavailable];
        }

        var candidates = Candidates(data, requirement, out var problem);
        if (problem is not null)
        {
            return [CheckResults.Error(requirement, problem)];
        }

        var model = data.Model!;
        var read = candidates.Where(c => model.Features.Contains(c, StringComparer.Ordinal)).ToList();
        if (read.Count == 0)
        {
            return [CheckResults.Skipped(requirement, candidates.Count == 0
                ? "the submission declares no protected attributes or proxies"
                : $"no protected attribute or declared proxy is a model input (they are {string.Join(", ", candidates)}; the model reads {string.Join(", ", model.Features)})")];
        }

        var setup = RescoringSetup.Prepare(data, requirement, DefaultSample, decisions: true, Id, out var failure);
        if (setup is null)
        {
            return [failure!];
        }

        var unread = candidates.Except(read, StringComparer.Ordinal).ToList();
        return [.. read.Select(name => Evaluate(data, requirement, setup, name, unread))];
    }

    private static CheckResult Evaluate(EvaluationData data, Requirement requirement, RescoringSetup setup, string name, List<string> unread)
    {
        var column = data.Test[name];
        var groups = Groups(column);
        if (groups.Count > MaxGroups)
        {
            return CheckResults.Error(requirement, RobustnessDetails.Invariant(
                $"column '{name}' has more than {MaxGroups} distinct values; counterfactuals need a categorical column with at most {MaxGroups} groups"), name);
        }

        var n = setup.Rows.Length;
        var index = groups.Select((g, i) => (g.Label, i)).ToDictionary(p => p.Label, p => p.i, StringComparer.Ordinal);
        var own = setup.Rows.Select(row => column.IsValid(row) ? index[Key(column, row)] : -1).ToArray();
        var changed = new bool[n];
        var perGroup = new List<Dictionary<string, object?>>();
        for (var g = 0; g < groups.Count; g++)
        {
            var moved = FrameEdit.Replace(setup.Sample, Perturbation.Fill(column, groups[g].Row, name, n));
            var scores = ModelScoring.TryScore(setup.Model, moved, out var reason);
            if (scores is null)
            {
                return CheckResults.Error(requirement, $"the model could not score the sample with {name} set to '{groups[g].Label}': {reason}", name);
            }

            var eligible = 0;
            var flips = 0;
            for (var i = 0; i < n; i++)
            {
                if (own[i] < 0 || own[i] == g)
                {
                    continue;
                }

                eligible++;
                if ((scores[i] > data.Threshold) != setup.Decisions[i] || double.IsNaN(scores[i]))
                {
                    flips++;
                    changed[i] = true;
                }
            }

            perGroup.Add(new Dictionary<string, object?>
            {
                ["group"] = groups[g].Label,
                ["rows_moved_in"] = eligible,
                ["flip_rate"] = eligible == 0 ? null : (double)flips / eligible,
            });
        }

        var withValue = own.Count(g => g >= 0);
        var changedRows = changed.Count(c => c);
        var details = new Dictionary<string, object?>
        {
            ["sample_rows"] = n,
            ["rows_with_value"] = withValue,
            ["changed_rows"] = changedRows,
            ["groups"] = perGroup,
            ["proxy"] = data.FindAttribute(name) is null,
        };
        if (unread.Count > 0)
        {
            details["not_model_inputs"] = unread;
        }

        RobustnessDetails.AddDrivers(details, [name]);
        var note = RobustnessDetails.Invariant(
            $"{changedRows} of {withValue} sampled decisions change when {name} is set to another of its {groups.Count} groups; driven by {name}");
        var measurement = withValue == 0
            ? Measurement.Undefined($"no sampled row has a value for {name}")
            : new Measurement((double)changedRows / withValue, WilsonInterval.Compute(changedRows, withValue, requirement.Confidence), withValue);
        return CheckResults.Decide(requirement, measurement, name, details, note);
    }

    /// <summary>The protected attributes (single columns, not intersections) and proxies to consider, in order.</summary>
    private static List<string> Candidates(EvaluationData data, Requirement requirement, out string? problem)
    {
        problem = null;
        var names = new List<string>();
        var attributes = requirement.Parameters.Attributes ?? [.. data.Attributes.Select(a => a.Name).Where(n => !n.Contains('|', StringComparison.Ordinal))];
        var unknown = new List<string>();
        foreach (var attribute in attributes)
        {
            if (data.FindAttribute(attribute) is { } found)
            {
                names.Add(found.Name);
            }
            else
            {
                unknown.Add($"attribute '{attribute}' (protected attributes: {string.Join(", ", data.Attributes.Select(a => a.Name))})");
            }
        }

        foreach (var proxy in requirement.Parameters.Names("proxies") ?? data.Proxies)
        {
            if (data.Test.TryGetColumn(proxy, out _))
            {
                names.Add(proxy);
            }
            else
            {
                unknown.Add($"proxy '{proxy}' (not a column of {data.TestOrigin})");
            }
        }

        if (unknown.Count > 0)
        {
            problem = $"the requirement names {string.Join(", ", unknown)}";
        }

        return [.. names.Distinct(StringComparer.Ordinal).Where(n => !n.Contains('|', StringComparison.Ordinal))];
    }

    private static List<(string Label, int Row)> Groups(Column column)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < column.Length && seen.Count <= MaxGroups; row++)
        {
            if (column.IsValid(row))
            {
                seen.TryAdd(Key(column, row), row);
            }
        }

        return [.. seen.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
    }

    private static string Key(Column column, int row) => column.FormatValue(row)!;
}
