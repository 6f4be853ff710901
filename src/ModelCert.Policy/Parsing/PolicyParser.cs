using System.Text.RegularExpressions;

using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Parsing;

/// <summary>
/// Builds the typed <see cref="PolicyDocument"/> from a node tree, reporting every problem it meets and carrying on,
/// so one run lists them all. Never uses YamlDotNet's deserializer (see <see cref="SafeYamlReader"/>).
/// </summary>
internal static partial class PolicyParser
{
    private static readonly PolicyDocument Empty =
        new(new PolicyMetadata(string.Empty, string.Empty, null, null), [], PolicyScope.Any, PolicyDefaults.None, []);

    public static PolicyDocument Parse(Node root, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(root, "policy", PolicyFields.Root, diagnostics);
        if (reader is null)
        {
            return Empty;
        }

        ExpectConstant(reader, "apiVersion", PolicyFields.ApiVersion);
        ExpectConstant(reader, "kind", PolicyFields.Kind);
        var metadata = reader.Required("metadata") is { } node ? ParseMetadata(node, diagnostics) : Empty.Metadata;
        var extends = ParseExtends(reader);
        var scope = reader.Optional("scope") is { } scopeNode ? ParseScope(scopeNode, "scope", diagnostics) : PolicyScope.Any;
        var defaults = reader.Optional("defaults") is { } defaultsNode ? ParseDefaults(defaultsNode, diagnostics) : PolicyDefaults.None;
        var requirements = reader.Optional("requirements") is { } list ? ParseRequirements(list, diagnostics) : [];
        return new PolicyDocument(metadata, extends, scope, defaults, requirements);
    }

    private static void ExpectConstant(MappingReader reader, string name, string expected)
    {
        var value = reader.Text(name, required: true);
        if (value is not null && value != expected)
        {
            reader.Diagnostics.Add(reader.Optional(name)!.Start, $"'{name}' must be '{expected}'; found '{value}'");
        }
    }

    private static PolicyMetadata ParseMetadata(Node node, DiagnosticBag diagnostics)
    {
        var reader = MappingReader.Open(node, "metadata", PolicyFields.Metadata, diagnostics);
        if (reader is null)
        {
            return Empty.Metadata;
        }

        var name = reader.Text("name", required: true) ?? string.Empty;
        if (name.Length > 0 && !NamePattern().IsMatch(name))
        {
            diagnostics.Add(reader.Optional("name")!.Start, $"'name' must be lower-case letters, digits and '-' only; found '{name}'");
        }

        var version = reader.Text("version", required: true) ?? string.Empty;
        return new PolicyMetadata(name, version, reader.Text("description"), reader.Text("owner"));
    }

    private static List<ExtendsEntry> ParseExtends(MappingReader reader)
    {
        if (reader.Optional("extends") is not { } node)
        {
            return [];
        }

        if (node is not SequenceNode sequence)
        {
            ScalarValues.Report(node, "'extends' must be a list, e.g. [builtin:four-fifths, ./base.yaml]", reader.Diagnostics);
            return [];
        }

        var entries = new List<ExtendsEntry>();
        foreach (var item in sequence.Items)
        {
            if (item is ScalarNode { IsNull: false, Value.Length: > 0 } scalar)
            {
                entries.Add(new ExtendsEntry(scalar.Value, scalar.Start));
            }
            else
            {
                ScalarValues.Report(item, "each item of 'extends' must be a file path or builtin:NAME", reader.Diagnostics);
            }
        }

        return entries;
    }

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
