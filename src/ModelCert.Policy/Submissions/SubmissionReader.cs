using ModelCert.Policy.Parsing;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Submissions;

/// <summary>
/// Builds a <see cref="SubmissionSpec"/> from a node tree, reporting every problem and carrying on so one run lists
/// them all; then checks what no single section shows: a model file beside predictions, and the aif360 profile
/// without a privileged group for every protected attribute.
/// </summary>
internal sealed partial class SubmissionReader(DiagnosticBag diagnostics)
{
    public SubmissionSpec Read(Node root, string origin, string baseDirectory)
    {
        var reader = MappingReader.Open(root, "submission", SubmissionFields.Root, diagnostics);
        if (reader is null)
        {
            return new SubmissionSpec { Origin = origin, BaseDirectory = baseDirectory };
        }

        ExpectConstant(reader, "apiVersion", PolicyFields.ApiVersion);
        ExpectConstant(reader, "kind", SubmissionFields.Kind);
        var spec = new SubmissionSpec
        {
            Origin = origin,
            BaseDirectory = baseDirectory,
            Model = Section(reader, "model", SubmissionFields.Model, ReadModel),
            Predictions = Section(reader, "predictions", SubmissionFields.Predictions, ReadPredictions),
            Data = Section(reader, "data", SubmissionFields.Data, ReadData, required: true),
            Protected = Section(reader, "protected", SubmissionFields.Protected, ReadProtected),
            Policies = ReadPolicies(reader),
            Evaluation = Section(reader, "evaluation", SubmissionFields.Evaluation, ReadEvaluation),
            Context = Section(reader, "context", SubmissionFields.Context, ReadContext),
            Output = Section(reader, "output", SubmissionFields.Output, ReadOutput),
            Provenance = Section(reader, "provenance", SubmissionFields.Provenance, ReadProvenance),
            Card = Section(reader, "card", SubmissionFields.Card, ReadCard),
        };
        CheckModelOrPredictions(reader, spec);
        CheckAif360(reader, spec);
        return spec;
    }

    /// <summary>The section <paramref name="name"/> read by <paramref name="read"/>, or null when absent or not a mapping (reported).</summary>
    private T? Section<T>(MappingReader root, string name, IReadOnlyList<string> fields, Func<MappingReader, T> read, bool required = false)
        where T : class =>
        (required ? root.Required(name) : root.Optional(name)) is { } node && MappingReader.Open(node, name, fields, diagnostics) is { } section
            ? read(section)
            : null;

    private void ExpectConstant(MappingReader reader, string name, string expected)
    {
        var value = reader.Text(name, required: true);
        if (value is not null && value != expected)
        {
            var hint = value == PolicyFields.Kind ? " (this is a policy: list it under 'policies' of a submission, or pass it with --policy)" : string.Empty;
            diagnostics.Add(reader.Optional(name)!.Start, $"'{name}' must be '{expected}'; found '{value}'{hint}");
        }
    }

    private IReadOnlyList<string>? ReadPolicies(MappingReader reader)
    {
        var policies = SubmissionValues.Names(reader, "policies", "[builtin:four-fifths, policies/lending.yaml]");
        if (policies is null)
        {
            return null;
        }

        var items = ((SequenceNode)reader.Optional("policies")!).Items;
        var known = true;
        for (var i = 0; i < policies.Count; i++)
        {
            if (policies[i].StartsWith(PolicyFields.BuiltinPrefix, StringComparison.Ordinal)
                && !BuiltinPacks.Names.Contains(policies[i][PolicyFields.BuiltinPrefix.Length..], StringComparer.Ordinal))
            {
                diagnostics.Add(items[i].Start, BuiltinPacks.UnknownMessage(policies[i][PolicyFields.BuiltinPrefix.Length..]));
                known = false;
            }
        }

        return known ? policies : null;
    }

    private void CheckModelOrPredictions(MappingReader reader, SubmissionSpec spec)
    {
        if (spec.Model?.File is not null && reader.Optional("predictions") is not null)
        {
            diagnostics.Add(reader.Key("predictions")!.Start,
                "'predictions' is for models ModelCert does not run; it cannot be used with model.file (leave out one or the other)");
        }
    }

    private void CheckAif360(MappingReader reader, SubmissionSpec spec)
    {
        if (spec.Evaluation?.Profile != "aif360" || spec.Protected?.Attributes is not { Count: > 0 } attributes)
        {
            return;
        }

        var privileged = spec.Protected.Privileged ?? new Dictionary<string, string>();
        var missing = attributes.Where(a => !privileged.Keys.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            var evaluation = (MappingNode)reader.Optional("evaluation")!;
            var profile = evaluation.Entries.First(e => e.Key.Value == "profile").Value;
            diagnostics.Add(profile.Start,
                $"the aif360 profile compares each group with a privileged one; name it in protected.privileged for every attribute (missing: {string.Join(", ", missing)})");
        }
    }
}
