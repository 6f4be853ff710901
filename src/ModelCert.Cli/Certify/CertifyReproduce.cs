using System.Text;
using System.Text.Json.Nodes;
using ModelCert.Cli.Commands;
using ModelCert.Core;
using ModelCert.Core.Results;
using ModelCert.Evidence;
using ModelCert.Evidence.Lineage;
using ModelCert.Evidence.Pack;
using ModelCert.Policy;

namespace ModelCert.Cli.Certify;

/// <summary>
/// <c>certify --reproduce PACK</c>: verifies the pack, re-runs its certification with the requirements of its
/// policy.lock.yaml and the submission recorded in its lineage.json (paths can be moved with the usual flags), checks
/// every input file against the digest the pack recorded, and reports each value that differs. Exit 0 when the
/// re-run is identical, <see cref="ExitCode.ReproductionDiffers"/> otherwise. Nothing is written, nothing logged.
/// </summary>
internal static class CertifyReproduce
{
    public static int Run(string pack, Func<Submission, Submission> overrides, CliConsole console)
    {
        void Status(string message) => console.Error.WriteLine($"certify --reproduce: {message}");
        var report = PackVerifier.Verify(pack);
        if (!report.Holds)
        {
            return VerifyCommand.Print(console, report, $"evidence pack '{pack}'");
        }

        var locked = PolicyLockReader.Read(Encoding.UTF8.GetString(PackReader.Read(pack, "policy.lock.yaml")), Path.Combine(pack, "policy.lock.yaml"));
        JsonObject recordedSubmission;
        try
        {
            recordedSubmission = OpenLineageEvent.ReadSubmission(PackReader.Read(pack, "lineage.json"));
        }
        catch (FormatException ex)
        {
            throw new InputException($"evidence pack '{pack}': {ex.Message}");
        }

        var submission = overrides(SubmissionRecord.FromJson(recordedSubmission, Path.Combine(pack, "lineage.json"), Path.GetTempPath()));
        var recorded = JsonNode.Parse(PackReader.Read(pack, "results.json"));
        var differences = InputDigests(submission, recorded);
        Status($"re-running with the {locked.Requirements.Count} locked requirements and seed {submission.Seed}");
        var rerun = CertifyRunner.Evaluate(submission, console, Status, locked);
        differences.AddRange(ResultsDiff.Compare(recorded, JsonNode.Parse(ResultsJson.Serialize(rerun.Document)))
            .OrderBy(Importance)
            .ThenBy(d => d, StringComparer.Ordinal));
        if (differences.Count == 0)
        {
            console.Out.WriteLine($"reproduced: the re-run of '{pack}' is identical (verdict {rerun.Document.Verdict}, {rerun.Document.Checks.Count} checks, every metric)");
            return ExitCode.Success;
        }

        console.Out.WriteLine($"not reproduced: {differences.Count} differences between '{pack}' and the re-run");
        const int Shown = 60;
        foreach (var difference in differences.Take(Shown))
        {
            console.Out.WriteLine($"  {difference}");
        }

        if (differences.Count > Shown)
        {
            console.Out.WriteLine($"  ... and {differences.Count - Shown} more");
        }

        return ExitCode.ReproductionDiffers;
    }

    /// <summary>What a reader needs first when the list is cut short: the verdict, the headline metrics, then decisions.</summary>
    private static int Importance(string difference) =>
        difference.StartsWith("verdict", StringComparison.Ordinal) ? 0
        : difference.StartsWith("metrics.performance", StringComparison.Ordinal) ? 1
        : difference.StartsWith("metrics", StringComparison.Ordinal) ? 2
        : difference.StartsWith("checks[", StringComparison.Ordinal) && !difference.Contains(".details", StringComparison.Ordinal) ? 3
        : 4;

    /// <summary>Each input file whose SHA-256 is not the one results.json recorded, named with both digests.</summary>
    private static List<string> InputDigests(Submission submission, JsonNode? recorded)
    {
        var differences = new List<string>();
        void Compare(string what, string? path, string? expected)
        {
            if (path is null || expected is null)
            {
                return;
            }

            if (!File.Exists(path))
            {
                throw new InputException($"{what} '{path}' recorded in the pack does not exist here; point to it with the matching flag (--model, --data, --train, --shifted, --predictions)");
            }

            var actual = Sha256Digest.OfFile(path);
            if (actual != expected)
            {
                differences.Add($"input {what} '{path}': sha256 now {actual}, the pack recorded {expected}: it is not the same file");
            }
        }

        Compare("model", submission.ModelPath ?? submission.PredictionsPath, recorded?["model"]?["sha256"]?.ToString());
        foreach (var dataset in recorded?["datasets"]?.AsArray() ?? [])
        {
            var role = dataset?["role"]?.ToString();
            var path = role switch
            {
                "test" => submission.DataPath,
                "train" => submission.TrainPath,
                "shifted" => submission.ShiftedPath,
                _ => null,
            };
            Compare($"{role} data", path, dataset?["sha256"]?.ToString());
        }

        return differences;
    }
}
