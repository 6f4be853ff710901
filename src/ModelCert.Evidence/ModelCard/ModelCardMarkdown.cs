using System.Globalization;
using System.Text;

using ModelCert.Core.Evaluation;
using ModelCert.Core.Results;

using static ModelCert.Evidence.ModelCard.MarkdownText;

namespace ModelCert.Evidence.ModelCard;

/// <summary>
/// <c>model-card.md</c>: the technical documentation of one certification, in the order of the EU AI Act's Annex IV
/// (description and purpose, development data, evaluation, measured performance and fairness, robustness and
/// security, limitations and risks, human oversight, versions). What the submitter declared comes from the card and
/// provenance fields; what was measured comes from the results. A field the submitter left out is written as
/// <see cref="Missing"/>: marked, never invented. All submitter text is escaped.
/// </summary>
public static partial class ModelCardMarkdown
{
    /// <summary>What a card says where the submitter gave nothing.</summary>
    public const string Missing = "_Not provided by the submitter._";

    public static string Render(ResultsDocument results, ModelCardFields card, DataProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(provenance);
        var md = new StringBuilder();
        var model = results.Model;
        md.Append("# Model card: ").Append(Inline(model.Name)).Append(model.Version is null ? "" : " (version " + Inline(model.Version) + ")").Append("\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Written by ModelCert {Inline(results.Tool.Version)} on {results.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC. ")
            .Append("Sections follow Annex IV of the EU AI Act. Declared fields come from the submission; measured results come from `results.json` in the same evidence pack. ")
            .Append("Verdict: **").Append(Inline(results.Verdict)).Append("**.\n\n");

        Section(md, "1. General description and intended purpose");
        md.Append("- Model: ").Append(Code(model.Name)).Append(model.Sha256 is null ? "" : ", sha256 " + Code(model.Sha256))
            .Append(model.Bytes is { } bytes ? string.Create(CultureInfo.InvariantCulture, $", {bytes:N0} bytes") : "").Append('\n');
        md.Append("- Task: ").Append(Code(results.Task)).Append("; mode: ").Append(Code(model.Mode)).Append('\n');
        if (model.Producer is not null)
        {
            md.Append("- Produced by: ").Append(Inline(model.Producer)).Append('\n');
        }

        if (model.Inputs.Count > 0)
        {
            md.Append("- Inputs: ").Append(string.Join(", ", model.Inputs.Select(Code))).Append('\n');
        }

        Field(md, "Intended purpose", card.IntendedUse);
        Section(md, "2. Out-of-scope uses");
        Text(md, card.OutOfScopeUses);
        Section(md, "3. Owner and contact");
        Field(md, "Owner", card.Owner);
        Field(md, "Contact", card.Contact);
        Section(md, "4. Development: training data");
        Text(md, card.TrainingData);
        Datasets(md, results.Datasets.Where(d => d.Role == "train").ToList(), "No training data was submitted for checks.");
        Section(md, "5. Evaluation data");
        Text(md, card.EvaluationData);
        Datasets(md, results.Datasets.Where(d => d.Role != "train").ToList(), "No evaluation data is recorded.");
        Provenance(md, provenance);
        Performance(md, results);
        Fairness(md, results);
        OtherFamilies(md, results);
        Section(md, "9. Limitations");
        Text(md, card.Limitations);
        Findings(md, results);
        Section(md, "10. Ethical considerations and risks");
        Text(md, card.EthicalConsiderations);
        Oversight(md, results);
        Versions(md, results);
        return md.ToString();
    }

    private static void Section(StringBuilder md, string title)
    {
        if (md.Length > 1 && !(md[^1] == '\n' && md[^2] == '\n'))
        {
            md.Append('\n');
        }

        md.Append("## ").Append(title).Append("\n\n");
    }

    private static void Field(StringBuilder md, string name, string? value) =>
        md.Append("- ").Append(name).Append(": ").Append(string.IsNullOrWhiteSpace(value) ? Missing : Inline(value)).Append('\n');

    private static void Text(StringBuilder md, string? value) =>
        md.Append(string.IsNullOrWhiteSpace(value) ? Missing : Paragraphs(value)).Append("\n\n");

    private static void Datasets(StringBuilder md, List<DatasetInfo> datasets, string none)
    {
        if (datasets.Count == 0)
        {
            md.Append(none).Append("\n\n");
            return;
        }

        md.Append("| role | file | rows | sha256 |\n|---|---|---:|---|\n");
        foreach (var dataset in datasets)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(dataset.Role)} | {Cell(Path.GetFileName(dataset.Path))} | {dataset.Rows} | {Code(dataset.Sha256)} |\n");
        }

        md.Append('\n');
    }

    private static void Provenance(StringBuilder md, DataProvenance provenance)
    {
        md.Append("Provenance of the evaluation data:\n\n");
        Field(md, "Source", provenance.Source);
        Field(md, "Collection period", provenance.CollectionPeriod);
        Field(md, "Legal basis", provenance.LegalBasis);
        Field(md, "Consent column", provenance.ConsentColumn);
        Field(md, "Retained until", provenance.RetentionUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        md.Append('\n');
    }
}
