using ModelCert.Policy.Parsing;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Submissions;

/// <summary>The value shapes a submission has beyond single scalars: non-empty texts, lists of names, name-to-value maps.</summary>
internal static class SubmissionValues
{
    /// <summary>A text that is not empty; <c>""</c> is reported (leave a field out instead of blanking it).</summary>
    public static string? Text(MappingReader reader, string name, bool required = false)
    {
        var value = reader.Text(name, required);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            reader.Diagnostics.Add(reader.Optional(name)!.Start, $"'{name}' is empty; give a value or leave the field out");
            return null;
        }

        return value;
    }

    /// <summary>A single value of any scalar kind, kept exactly as written (<c>1</c>, <c>1.0</c>, <c>"&gt;50K"</c>).</summary>
    public static string? Scalar(MappingReader reader, string name, string what)
    {
        if (reader.Optional(name) is not { } node)
        {
            return null;
        }

        if (node is ScalarNode)
        {
            return Text(reader, name);
        }

        ScalarValues.Report(node, $"'{name}' must be a single value ({what}), not a list or mapping", reader.Diagnostics);
        return null;
    }

    /// <summary>A list of distinct, non-empty names (compared case-insensitively); null (reported) when any item is wrong.</summary>
    public static IReadOnlyList<string>? Names(MappingReader reader, string name, string example, bool allowEmpty = true)
    {
        if (reader.Optional(name) is not { } node)
        {
            return null;
        }

        if (node is not SequenceNode sequence || (!allowEmpty && sequence.Items.Count == 0))
        {
            ScalarValues.Report(node, $"'{name}' must be a {(allowEmpty ? string.Empty : "non-empty ")}list, e.g. {example}", reader.Diagnostics);
            return null;
        }

        var names = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (item is not ScalarNode { IsNull: false } scalar || string.IsNullOrWhiteSpace(scalar.Value))
            {
                ScalarValues.Report(item, $"each item of '{name}' must be a non-empty name", reader.Diagnostics);
            }
            else if (names.Contains(scalar.Value, StringComparer.OrdinalIgnoreCase))
            {
                reader.Diagnostics.Add(item.Start, $"'{scalar.Value}' is listed twice in '{name}' (names match case-insensitively)");
            }
            else
            {
                names.Add(scalar.Value);
            }
        }

        return names.Count == sequence.Items.Count ? names : null;
    }

    /// <summary>A mapping of names to single values (kept as written), in file order; null (reported) when any entry is wrong.</summary>
    public static IReadOnlyDictionary<string, string>? Map(MappingReader reader, string name, string example)
    {
        if (reader.Optional(name) is not { } node)
        {
            return null;
        }

        if (node is not MappingNode mapping)
        {
            ScalarValues.Report(node, $"'{name}' must be a mapping, e.g. {example}", reader.Diagnostics);
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key.Value.Length == 0)
            {
                reader.Diagnostics.Add(entry.Key.Start, $"a key of '{name}' is empty");
            }
            else if (entry.Value is ScalarNode { IsNull: false } scalar && scalar.Value.Length > 0)
            {
                values[entry.Key.Value] = scalar.Value;
            }
            else
            {
                var at = entry.Value is ScalarNode { IsNull: true } ? entry.Key.Start : entry.Value.Start;
                if (entry.Value is not AliasNode)
                {
                    reader.Diagnostics.Add(at, $"'{name}' value of '{entry.Key.Value}' must be a single non-empty value");
                }
            }
        }

        return values.Count == mapping.Entries.Count ? values : null;
    }
}
