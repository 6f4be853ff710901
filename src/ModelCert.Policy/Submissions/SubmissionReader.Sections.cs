using System.Globalization;

using ModelCert.Policy.Parsing;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Submissions;

internal sealed partial class SubmissionReader
{
    private ModelSpec ReadModel(MappingReader model) => new(
        SubmissionValues.Text(model, "name"),
        SubmissionValues.Scalar(model, "version", "e.g. \"1.4.0\""),
        SubmissionValues.Text(model, "file"),
        model.Choice("task", SubmissionFields.Tasks) is { } task ? SubmissionFields.Tasks[task] : null,
        model.Number("threshold"),
        AtLeast(model, "positive_index", 0),
        SubmissionValues.Names(model, "features", "[income, age, tenure]", allowEmpty: false),
        SubmissionValues.Map(model, "input_map", "{ onnx_input: column }"));

    private PredictionsSpec ReadPredictions(MappingReader predictions)
    {
        var spec = new PredictionsSpec(
            SubmissionValues.Text(predictions, "file"),
            SubmissionValues.Text(predictions, "score_column"),
            SubmissionValues.Text(predictions, "id_column"));
        if (spec is { File: not null, IdColumn: null } && predictions.Optional("id_column") is null)
        {
            diagnostics.Add(predictions.Key("file")!.Start, "a predictions 'file' needs 'id_column', the column that joins its scores to the data rows");
        }

        return spec;
    }

    private static DataSpec ReadData(MappingReader data) => new(
        SubmissionValues.Text(data, "test", required: true),
        SubmissionValues.Text(data, "train"),
        SubmissionValues.Text(data, "shifted"),
        SubmissionValues.Text(data, "label"),
        SubmissionValues.Scalar(data, "positive", "the label value of the positive class, e.g. 1 or \">50K\""),
        data.Choice("favourable", SubmissionFields.Favourables) is { } favourable ? SubmissionFields.Favourables[favourable] : null);

    private ProtectedSpec ReadProtected(MappingReader section)
    {
        var attributes = SubmissionValues.Names(section, "attributes", "[sex, race]");
        var privileged = SubmissionValues.Map(section, "privileged", "{ sex: Male }");
        if (attributes is not null && privileged is not null)
        {
            foreach (var name in privileged.Keys.Where(k => !attributes.Contains(k, StringComparer.OrdinalIgnoreCase)))
            {
                var key = ((MappingNode)section.Optional("privileged")!).Entries.First(e => e.Key.Value == name).Key;
                diagnostics.Add(key.Start, $"'privileged' names '{name}', which is not among the protected attributes{Suggestions.Hint(name, [.. attributes], "attributes")}");
            }
        }

        return new ProtectedSpec(attributes, section.Boolean("intersections"), privileged, SubmissionValues.Names(section, "proxies", "[relationship]"));
    }

    private EvaluationSpec ReadEvaluation(MappingReader evaluation)
    {
        var replicates = AtLeast(evaluation, "replicates", 0);
        if (replicates > SubmissionFields.MaxReplicates)
        {
            diagnostics.Add(evaluation.Optional("replicates")!.Start,
                string.Create(CultureInfo.InvariantCulture, $"'replicates' must be between 0 and {SubmissionFields.MaxReplicates}; found {replicates}"));
            replicates = null;
        }

        var confidence = evaluation.Number("confidence");
        if (confidence is <= 0 or >= 1)
        {
            diagnostics.Add(evaluation.Optional("confidence")!.Start, $"'confidence' must be between 0 and 1 (exclusive), e.g. 0.95; found {Format.Number(confidence.Value)}");
            confidence = null;
        }

        var seed = evaluation.Optional("seed") is { } node ? ScalarValues.UnsignedInteger(node, "seed", diagnostics) : null;
        var profile = evaluation.Choice("profile", SubmissionFields.Profiles) is { } index ? SubmissionFields.Profiles[index] : null;
        return new EvaluationSpec(profile, replicates, confidence, seed);
    }

    private static ContextSpec ReadContext(MappingReader context) => new(
        context.Choice("risk_tier", SubmissionFields.RiskTiers) is { } tier ? SubmissionFields.RiskTiers[tier] : null,
        SubmissionValues.Text(context, "jurisdiction"));

    private static OutputSpec ReadOutput(MappingReader output) => new(
        SubmissionValues.Text(output, "dir"),
        output.Choice("format", SubmissionFields.Formats) is { } format ? SubmissionFields.Formats[format] : null);

    private ProvenanceSpec ReadProvenance(MappingReader provenance)
    {
        var retention = SubmissionValues.Scalar(provenance, "retention_until", "a date, e.g. 2030-12-31");
        if (retention is not null && !DateOnly.TryParseExact(retention, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            diagnostics.Add(provenance.Optional("retention_until")!.Start, $"'retention_until' must be a date written YYYY-MM-DD, e.g. 2030-12-31; found '{retention}'");
            retention = null;
        }

        return new ProvenanceSpec(
            SubmissionValues.Text(provenance, "source"),
            SubmissionValues.Text(provenance, "collection_period"),
            SubmissionValues.Text(provenance, "legal_basis"),
            SubmissionValues.Text(provenance, "consent_column"),
            retention);
    }

    private static CardSpec ReadCard(MappingReader card) => new(
        SubmissionValues.Text(card, "intended_use"),
        SubmissionValues.Text(card, "out_of_scope_uses"),
        SubmissionValues.Text(card, "owner"),
        SubmissionValues.Text(card, "contact"),
        SubmissionValues.Text(card, "limitations"),
        SubmissionValues.Text(card, "ethical_considerations"),
        SubmissionValues.Text(card, "training_data"),
        SubmissionValues.Text(card, "evaluation_data"));

    private int? AtLeast(MappingReader reader, string name, int low)
    {
        var value = reader.Integer(name);
        if (value < low)
        {
            diagnostics.Add(reader.Optional(name)!.Start, string.Create(CultureInfo.InvariantCulture, $"'{name}' must be {low} or more; found {value}"));
            return null;
        }

        return value;
    }
}
