using ModelCert.Core.Requirements;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

internal static partial class PolicyParser
{
    private static PolicyScope ParseScope(Node node, string what, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(node, what, PolicyFields.Scope, diagnostics);
        if (reader is null)
        {
            return PolicyScope.Any;
        }

        return new PolicyScope(
            ChoiceList(reader, "tasks", PolicyFields.Tasks),
            ChoiceList(reader, "risk_tiers", PolicyFields.RiskTiers),
            reader.TextList("jurisdictions") ?? []);
    }

    private static List<string> ChoiceList(MappingReader reader, string name, IReadOnlyList<string> choices)
    {
        var items = new List<string>();
        if (reader.Optional(name) is not { } node)
        {
            return items;
        }

        if (node is not SequenceNode sequence)
        {
            ScalarValues.Report(node, $"'{name}' must be a list, e.g. [{choices[0]}]", reader.Diagnostics);
            return items;
        }

        foreach (var item in sequence.Items)
        {
            if (ScalarValues.Choice(item, name, choices, reader.Diagnostics) is { } index)
            {
                items.Add(choices[index]);
            }
        }

        return items;
    }

    private static PolicyDefaults ParseDefaults(Node node, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(node, "defaults", PolicyFields.Defaults, diagnostics);
        if (reader is null)
        {
            return PolicyDefaults.None;
        }

        return new PolicyDefaults(Confidence(reader), MinSample(reader), OnFail(reader), OnUncertain(reader));
    }

    private static double? Confidence(MappingReader reader)
    {
        var value = reader.Number("confidence");
        if (value is <= 0 or >= 1)
        {
            reader.Diagnostics.Add(reader.Optional("confidence")!.Start, $"'confidence' must be between 0 and 1 (exclusive), e.g. 0.95; found {Format.Number(value.Value)}");
            return null;
        }

        return value;
    }

    private static int? MinSample(MappingReader reader)
    {
        var value = reader.Integer("min_sample");
        if (value < 1)
        {
            reader.Diagnostics.Add(reader.Optional("min_sample")!.Start, $"'min_sample' must be at least 1; found {Format.Number(value.Value)}");
            return null;
        }

        return value;
    }

    private static FailAction? OnFail(MappingReader reader) =>
        reader.Choice("on_fail", PolicyFields.FailActions) switch
        {
            0 => FailAction.Block,
            1 => FailAction.Review,
            2 => FailAction.Warn,
            _ => null,
        };

    private static UncertainAction? OnUncertain(MappingReader reader) =>
        reader.Choice("on_uncertain", PolicyFields.UncertainActions) switch
        {
            0 => UncertainAction.Fail,
            1 => UncertainAction.Review,
            2 => UncertainAction.Warn,
            3 => UncertainAction.Pass,
            _ => null,
        };
}
