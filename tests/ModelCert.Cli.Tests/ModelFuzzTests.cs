using System.Globalization;
using ModelCert.Core.Checks.Security;
using ModelCert.Runtime.Onnx;
using ModelCert.Tests;
using ModelCert.Tests.Fuzzing;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// Mutated models that pass static inspection, loaded into ONNX Runtime and scored by <c>modelcert score</c> in one child
/// process (<c>modelcert batch</c>): a native crash there would end the process, so the test proves that every one is
/// scored or refused with a one-line error (exit 2) and that the child lives to the end. A larger campaign runs the
/// same code by hand: MODELCERT_FUZZ_MODELS (default 80) models from MODELCERT_FUZZ_SEED, crashing or hanging models
/// copied to MODELCERT_FUZZ_KEEP.
/// </summary>
public sealed class ModelFuzzTests
{
    private static readonly (string Model, string Data, string? Features)[] Seeds =
    [
        ("models/adult/adult_lr.onnx", "datasets/adult/test.csv", null),
        ("models/adult/adult_xgb.onnx", "datasets/adult/test.csv", "age,education-num,capital-gain,capital-loss,hours-per-week"),
        ("models/bank/bank_gb.onnx", "datasets/bank/test.csv", "age,balance,day,campaign,pdays,previous"),
        ("models/bank/bank_xgb.onnx", "datasets/bank/test.csv", "age,balance,day,campaign,pdays,previous"),
        ("models/compas/compas_rf.onnx", "datasets/compas/test.csv", "age,priors_count,juv_fel_count,juv_misd_count,juv_other_count"),
        ("models/german/german_lr.onnx", "datasets/german/test.csv", null),
    ];

    public sealed class Score
    {
        [Fact]
        public void Should_score_or_refuse_every_mutated_model_that_passes_inspection_without_crashing()
        {
            // Given 80 mutated models (seeded) that static inspection lets through, each with 20 rows of its data
            using var temp = new TempFolder();
            var count = Setting("MODELCERT_FUZZ_MODELS", 80);
            var cases = Generate(temp, count, Setting("MODELCERT_FUZZ_SEED", 20261122));

            // When one child process scores them one after the other
            var run = FuzzChild.Run(temp, cases);

            // Then it never crashed or hung, and every model was scored (exit 0) or refused with one error line (exit 2)
            Keep(cases, run);
            var bad = run.Outcomes.Where(o => o.Exit is not (0 or 2) || (o.Exit == 2 && !o.Message.StartsWith("error: ", StringComparison.Ordinal))).ToList();
            Assert.True(run.Crashes.Count == 0, $"{run.Crashes.Count} models ended the process:\n{string.Join("\n", run.Crashes.Take(20))}");
            Assert.True(bad.Count == 0, $"{bad.Count} models were neither scored nor refused cleanly:\n{string.Join("\n", bad.Take(30).Select(o => $"{cases[o.Index].Description}: exit {o.Exit}: {o.Message}"))}");
            Assert.Equal(cases.Count, run.Outcomes.Count);
            Assert.True(run.Outcomes.Count(o => o.Exit == 0) >= count / 10, $"too few mutants were scored to test ONNX Runtime: {run.Outcomes.Count(o => o.Exit == 0)} of {count}");
            Assert.True(run.PeakMebibytes < 2048, string.Create(CultureInfo.InvariantCulture, $"the child's memory grew to {run.PeakMebibytes} MiB"));
        }
    }

    /// <summary>Mutants of the shared models (round robin) that pass inspection with the default limits, and the score command for each.</summary>
    private static List<FuzzCase> Generate(TempFolder temp, int count, int seed)
    {
        var seeds = Seeds.Select((s, i) =>
        {
            var bytes = File.ReadAllBytes(SharedData.Require(s.Model));
            var data = temp.File($"data{i}.csv");
            File.WriteAllLines(data, File.ReadLines(SharedData.Require(s.Data)).Take(21));
            return (Name: Path.GetFileNameWithoutExtension(s.Model), Bytes: bytes, Tree: ProtoMessage.Parse(bytes, "Model")!, Data: data, s.Features);
        }).ToList();
        var mutators = seeds.Select((_, i) => new OnnxMutator(seed + i)).ToList();
        var cases = new List<FuzzCase>();
        var path = temp.File("candidate.onnx");
        for (var attempt = 0; cases.Count < count && attempt < count * 20; attempt++)
        {
            var which = attempt % seeds.Count;
            var origin = seeds[which];
            var (bytes, description) = mutators[which].Mutate(origin.Bytes, origin.Tree);
            File.WriteAllBytes(path, bytes);
            if (ModelInspectionLimits.Default.Violations(OnnxInspector.Inspect(path)).Count > 0)
            {
                continue;
            }

            var model = temp.File(string.Create(CultureInfo.InvariantCulture, $"case{cases.Count}-{origin.Name}.onnx"));
            File.Move(path, model);
            List<string> arguments = ["score", "--model", model, "--data", origin.Data, "--out", temp.File($"scores{cases.Count}.csv"), "--threads", "1"];
            if (origin.Features is { } features)
            {
                arguments.AddRange(["--features", features]);
            }

            cases.Add(new FuzzCase(cases.Count, model, $"{origin.Name} #{attempt / seeds.Count}: {description}", arguments));
        }

        return cases;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>For a campaign by hand: copies the models that crashed or hung, and every outcome, to MODELCERT_FUZZ_KEEP.</summary>
    private static void Keep(List<FuzzCase> cases, FuzzRun run)
    {
        if (Environment.GetEnvironmentVariable("MODELCERT_FUZZ_KEEP") is not { Length: > 0 } keep)
        {
            return;
        }

        Directory.CreateDirectory(keep);
        foreach (var crash in run.Crashes.Where(c => c.Index >= 0))
        {
            File.Copy(cases[crash.Index].Model, Path.Combine(keep, Path.GetFileName(cases[crash.Index].Model)), overwrite: true);
        }

        File.WriteAllLines(
            Path.Combine(keep, "outcomes.txt"),
            run.Outcomes.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Exit}\t{o.Rss}\t{cases[o.Index].Description}\t{o.Message}"))
                .Concat(run.Crashes.Select(c => $"CRASH\t{c}")));
    }
}
