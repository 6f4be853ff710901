using System.Globalization;
using System.Text;

using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Results;

using static ModelCert.Evidence.ModelCard.MarkdownText;

namespace ModelCert.Evidence.ModelCard;

/// <summary>The measured sections of the card: metrics with intervals, fairness per attribute, the other families, findings, oversight, versions.</summary>
public static partial class ModelCardMarkdown
{
    private static readonly (string Family, string Title)[] OtherFamilyTitles =
        [("robustness", "Robustness"), ("explainability", "Explainability"), ("security", "Security"), ("compliance", "Compliance"), ("data-quality", "Data quality"), ("drift", "Drift")];

    private static void Performance(StringBuilder md, ResultsDocument results)
    {
        Section(md, "6. Performance metrics");
        var p = results.Metrics.Performance;
        md.Append(CultureInfo.InvariantCulture, $"Measured on {p.N:N0} rows; intervals at {results.Bootstrap.Confidence:0.##} confidence from {results.Bootstrap.Replicates} bootstrap replicates (seed {results.Bootstrap.Seed}).\n\n");
        md.Append("| metric | value | interval |\n|---|---:|---|\n");
        (string Name, double? Value)[] metrics =
        [
            ("accuracy", p.Accuracy), ("precision", p.Precision), ("recall", p.Recall), ("f1", p.F1), ("roc_auc", p.RocAuc),
            ("log_loss", p.LogLoss), ("brier", p.Brier), ("ece", p.Ece), ("selection_rate", p.SelectionRate), ("base_rate", p.BaseRate),
            ("mae", p.Mae), ("rmse", p.Rmse), ("r2", p.R2),
        ];
        foreach (var (name, value) in metrics.Where(m => m.Value is not null || p.Ci.ContainsKey(m.Name)))
        {
            md.Append("| ").Append(name).Append(" | ").Append(Number(value)).Append(" | ").Append(Interval(p.Ci.GetValueOrDefault(name))).Append(" |\n");
        }

        md.Append('\n');
        Checks(md, results.Checks.Where(c => c.Id.StartsWith("performance.", StringComparison.Ordinal)).ToList(), "performance");
    }

    private static void Fairness(StringBuilder md, ResultsDocument results)
    {
        Section(md, "7. Fairness by protected attribute");
        if (results.Metrics.Fairness.Count == 0)
        {
            md.Append(results.ProtectedAttributes.Count == 0 ? "No protected attribute was declared, so fairness was not measured. " + Missing : "No fairness metric was measured.").Append("\n\n");
            return;
        }

        var negative = string.Equals(results.Favourable, FavourableOutcomes.Name(FavourableOutcome.Negative), StringComparison.Ordinal);
        if (negative)
        {
            md.Append("The favourable outcome is the negative class: a decision is favourable when the score is at or below the threshold. Every rate below is of that outcome (TPR: favourable decisions among rows with a favourable label).\n\n");
        }

        foreach (var (attribute, section) in results.Metrics.Fairness)
        {
            md.Append("### ").Append(Inline(attribute)).Append(negative ? "\n\n| group | count | favourable-outcome rate | TPR | FPR | accuracy |\n" : "\n\n| group | count | selection rate | TPR | FPR | accuracy |\n").Append("|---|---:|---:|---:|---:|---:|\n");
            foreach (var (group, g) in section.Groups)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {Cell(group)} | {g.Count} | {Number(g.SelectionRate)} | {Number(g.Tpr)} | {Number(g.Fpr)} | {Number(g.Accuracy)} |\n");
            }

            md.Append(CultureInfo.InvariantCulture, $"\nDemographic parity ratio {Number(section.DemographicParityRatio)} (difference {Number(section.DemographicParityDifference)}); ")
                .Append(CultureInfo.InvariantCulture, $"equalized odds difference {Number(section.EqualizedOddsDifference)}; equal opportunity difference {Number(section.EqualOpportunityDifference)}.");
            if (section.UndefinedRates.Count > 0)
            {
                md.Append(" Undefined (zero denominator): ").Append(Inline(string.Join(", ", section.UndefinedRates))).Append('.');
            }

            md.Append("\n\n");
        }

        Checks(md, results.Checks.Where(c => c.Id.StartsWith("fairness.", StringComparison.Ordinal)).ToList(), "fairness");
    }

    private static void OtherFamilies(StringBuilder md, ResultsDocument results)
    {
        Section(md, "8. Robustness, explainability, security and compliance");
        foreach (var (family, title) in OtherFamilyTitles)
        {
            var checks = results.Checks.Where(c => c.Id.StartsWith(family + ".", StringComparison.Ordinal)).ToList();
            md.Append("### ").Append(title).Append("\n\n");
            Checks(md, checks, title.ToLowerInvariant());
        }
    }

    private static void Checks(StringBuilder md, List<CheckResult> checks, string family)
    {
        if (checks.Count == 0)
        {
            md.Append("No ").Append(family).Append(" requirement was evaluated by the applied policies.\n\n");
            return;
        }

        md.Append("| requirement | value | interval | threshold | outcome |\n|---|---:|---|---|---|\n");
        foreach (var check in checks)
        {
            var name = check.Attribute is null ? check.Requirement : $"{check.Requirement} [{check.Attribute}]";
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(name)} | {Number(check.Value)} | {Interval(check.Ci)} | {Cell(check.Threshold?.ToString())} | {Name(check.Outcome)} |\n");
        }

        md.Append('\n');
    }

    private static void Findings(StringBuilder md, ResultsDocument results)
    {
        var findings = results.Checks.Where(c => c.Outcome is not (Outcome.Pass or Outcome.Skipped)).ToList();
        md.Append(findings.Count == 0 ? "Measured: every evaluated requirement passed.\n\n" : "Measured findings (requirements not passed):\n\n");
        foreach (var check in findings)
        {
            md.Append("- ").Append(Code(check.Requirement)).Append(check.Attribute is null ? "" : " [" + Inline(check.Attribute) + "]")
                .Append(" (").Append(Name(check.Outcome)).Append("): ").Append(Inline(check.Message)).Append('\n');
        }

        md.Append(findings.Count == 0 ? "" : "\n");
    }

    private static void Oversight(StringBuilder md, ResultsDocument results)
    {
        Section(md, "11. Human oversight");
        var s = results.Summary;
        md.Append("- Verdict: **").Append(Inline(results.Verdict)).Append("**\n")
            .Append(CultureInfo.InvariantCulture, $"- Requirements: {s.Pass} pass, {s.Fail} fail, {s.Review} review, {s.Warn} warn, {s.Error} error, {s.Skipped} skipped\n")
            .Append("- Reviewers: pending. Sign-off, waivers and their rationale are recorded by the registry after this pack was made, not in it.\n\n");
    }

    private static void Versions(StringBuilder md, ResultsDocument results)
    {
        Section(md, "12. Versions and lineage");
        md.Append("- Tool: modelcert ").Append(Inline(results.Tool.Version)).Append(", ONNX Runtime ").Append(Inline(results.Tool.OnnxRuntime))
            .Append(", DuckDB ").Append(Inline(results.Tool.DuckDb)).Append('\n')
            .Append("- Profile: ").Append(Inline(results.Profile)).Append(results.Threshold is { } t ? "; decision threshold " + Number(t) : "").Append('\n');
        foreach (var policy in results.Policies)
        {
            md.Append("- Policy: ").Append(Inline(policy.Name)).Append(' ').Append(Inline(policy.Version)).Append(", sha256 ").Append(Code(policy.Sha256)).Append('\n');
        }

        md.Append("- The resolved policy is `policy.lock.yaml`, the run's inputs and outputs are in `lineage.json` (OpenLineage), and `manifest.json` lists every file's digest.\n");
    }

    private static string Name(Outcome outcome) => outcome.ToString().ToLowerInvariant();
}
