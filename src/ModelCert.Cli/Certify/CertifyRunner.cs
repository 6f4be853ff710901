using System.Globalization;
using System.Reflection;
using ModelCert.Core;
using ModelCert.Core.Checks;
using ModelCert.Core.Checks.Compliance;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Results;
using ModelCert.Policy;

namespace ModelCert.Cli.Certify;

/// <summary>
/// One certification: resolve policies, prepare the evaluation, run every requirement's check, decide the verdict,
/// write the evidence pack (<see cref="CertifyPack"/>), and print the chosen format. The exit code follows the verdict.
/// </summary>
internal static class CertifyRunner
{
    public static int Run(Submission submission, CliConsole console, PackOptions? options = null)
    {
        Validate(submission);
        void Status(string message) => console.Error.WriteLine($"certify: {message}");
        using var pack = CertifyPack.Prepare(submission, options ?? PackOptions.Default, Status);
        var startedAt = console.Time.GetUtcNow();
        var certification = Evaluate(submission, console, Status);
        var document = certification.Document;
        var written = pack.Write(submission, certification, startedAt, console.Time);
        CertifyOutput.Write(submission.Format, document, console);
        Status($"verdict {document.Verdict}; {written}");
        return ExitFor(document.Verdict);
    }

    /// <summary>
    /// Prepares the evaluation, runs every requirement's check and decides the verdict. The requirements come from
    /// resolving the submission's policies, or from <paramref name="locked"/> (a pack's policy.lock.yaml) when re-running.
    /// </summary>
    internal static Certification Evaluate(Submission submission, CliConsole console, Action<string> status, ResolvedPolicy? locked = null)
    {
        var policies = submission.Policies.Count == 0 ? ["builtin:baseline"] : submission.Policies;
        var early = locked is null ? Resolutions(submission, policies) : null;
        IEnumerable<ResolvedPolicy> known = early is null ? [locked!] : early.Values;
        var needs = EvaluationNeeds.Of(known.SelectMany(r => r.Requirements).Select(r => r.ToCoreRequirement()));
        var progress = new RowProgress(console, "certify: scored");
        using var prepared = EvaluationPreparer.Prepare(submission, console.Time, status, progress, needs);
        progress.Finish();
        var data = prepared.Data;
        if (submission.Policies.Count == 0 && locked is null)
        {
            status("no --policy given; using builtin:baseline");
        }

        var task = data.Task == ModelTask.Regression ? "regression" : "binary_classification";
        var resolved = locked ?? early![task];
        var requirements = resolved.Requirements.Select(r => r.ToCoreRequirement()).ToList();

        // Consent: a compliance.consent requirement with on_missing: exclude leaves rows without consent out of every check.
        data = ConsentFilter.Apply(data, requirements);
        if (data.Excluded is { } excluded)
        {
            status(string.Create(CultureInfo.InvariantCulture, $"excluded {excluded.Count:N0} of {excluded.Of:N0} rows ({excluded.Reason})"));
        }

        data.Metrics.StartScoreIntervals();
        status(string.Create(CultureInfo.InvariantCulture, $"checking {requirements.Count} requirements on {data.Rows:N0} rows ({data.Bootstrap.Replicates} bootstrap replicates)"));
        var timer = new CheckTimer(status);
        var checks = CheckRegistry.Evaluate(data, requirements, timer);
        timer.Finish();
        var verdict = Decision.Verdict(checks.Select(c => c.Outcome));
        var document = Document(submission, prepared with { Data = data }, resolved, checks, verdict, console.Time);
        return new Certification(document, resolved);
    }

    /// <summary>The exit code of a verdict: certified and conditional succeed, the others are named.</summary>
    internal static int ExitFor(string verdict) => verdict switch
    {
        "certified" or "conditional" => ExitCode.Success,
        "needs_review" => ExitCode.NeedsReview,
        "rejected" => ExitCode.Rejected,
        _ => ExitCode.InternalError,
    };

    /// <summary>
    /// The policies resolved before the model is opened (its task may come from its outputs): for the declared task, or
    /// for both tasks when none is declared, so preparation can honour every requirement that may apply; the one for
    /// the task the evaluation turns out to have is then used as it is.
    /// </summary>
    private static Dictionary<string, ResolvedPolicy> Resolutions(Submission submission, IReadOnlyList<string> policies)
    {
        string[] tasks = submission.Task?.ToLowerInvariant() switch
        {
            "regression" => ["regression"],
            "binary_classification" or "classification" => ["binary_classification"],
            _ => ["binary_classification", "regression"],
        };
        return tasks.ToDictionary(
            task => task,
            task => PolicyResolver.Resolve(policies, new SubmissionContext(task, submission.RiskTier, submission.Jurisdiction), submission.BaseDirectory),
            StringComparer.Ordinal);
    }

    private static void Validate(Submission submission)
    {
        var problems = new List<string>();
        if (submission.Replicates is < 0 or > 100_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--replicates {submission.Replicates} is outside 0..100000"));
        }

        if (submission.Confidence is <= 0 or >= 1 || double.IsNaN(submission.Confidence))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--confidence {submission.Confidence} must lie strictly between 0 and 1"));
        }

        if (!double.IsFinite(submission.Threshold))
        {
            problems.Add("--threshold must be a finite number");
        }

        if (FavourableOutcomes.Parse(submission.Favourable) is null)
        {
            problems.Add($"--favourable '{submission.Favourable}' is not one of {string.Join(", ", FavourableOutcomes.Names)} (which outcome is favourable for the people scored: positive when a score above the threshold is good for them, negative when it is adverse, as for a default or re-arrest model)");
        }

        if (!CertifyOutput.Formats.Contains(submission.Format))
        {
            problems.Add($"--format '{submission.Format}' is not one of {string.Join(", ", CertifyOutput.Formats)}");
        }

        if (string.Equals(submission.Profile, "aif360", StringComparison.OrdinalIgnoreCase)
            && submission.Protected.Where(p => !submission.Privileged.ContainsKey(p)).ToList() is { Count: > 0 } unnamed)
        {
            problems.Add($"the aif360 profile compares each group with a privileged one; name it for every protected attribute with --privileged ATTRIBUTE=GROUP (missing: {string.Join(", ", unnamed)})");
        }

        if (submission.PredictionsMode && submission.ScoreColumn is null)
        {
            problems.Add("name a model with --model, or a score column with --score-column (predictions mode)");
        }

        if (problems.Count > 0)
        {
            throw new InputException(string.Join("; ", problems));
        }
    }

    private static ResultsDocument Document(
        Submission submission, PreparedEvaluation prepared, ResolvedPolicy resolved, IReadOnlyList<CheckResult> checks, Verdict verdict, TimeProvider time)
    {
        var data = prepared.Data;
        var metrics = data.Metrics;
        var performance = metrics.PerformanceSection();
        var fairness = metrics.FairnessSections();
        return new ResultsDocument
        {
            Verdict = ResultsJson.VerdictName(verdict),
            Tool = new ToolInfo("modelcert", ToolVersion, Runtime.OnnxSession.RuntimeVersion, Data.DuckDbDatabase.LibraryVersion),
            CreatedAt = time.GetUtcNow(),
            Task = data.Task == ModelTask.Regression ? "regression" : "binary_classification",
            Profile = submission.Profile.ToLowerInvariant(),
            Bootstrap = new BootstrapInfo(
                data.Bootstrap.Replicates,
                data.Bootstrap.Confidence,
                data.Bootstrap.Seed,
                $"multinomial resampling of confusion cells within each group; binomial draws by {Core.Statistics.Binomial.Method}; replicate r from its own seeded stream",
                metrics.ScoreIntervalsBinned switch
                {
                    true => "multinomial resampling of (score bin, label) cells, 2048 bins per label, centred on the exact estimate",
                    false => "multinomial resampling of distinct (score, label) cells (exact row bootstrap)",
                    _ => "none",
                }),
            Threshold = data.Task == ModelTask.BinaryClassification ? submission.Threshold : null,
            Favourable = data.Task == ModelTask.BinaryClassification ? FavourableOutcomes.Name(data.Favourable) : null,
            Model = prepared.Model,
            Datasets = prepared.Datasets,
            ProtectedAttributes = [.. data.Attributes.Select(a => a.Name)],
            Policies = [.. resolved.Policies.Select(p => new PolicyInfo(p.Name, p.Version, p.Origin, p.Sha256))],
            Metrics = new MetricsSection(performance, fairness),
            Checks = checks,
            Summary = OutcomeSummary.Of(checks),
        };
    }

    public static string ToolVersion =>
        (typeof(CertifyRunner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
