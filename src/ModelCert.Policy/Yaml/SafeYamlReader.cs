using System.Globalization;

using ModelCert.Policy.Parsing;

using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ModelCert.Policy.Yaml;

/// <summary>
/// Reads a policy or submission file into a <see cref="Node"/> tree from YamlDotNet's low-level event parser, enforcing
/// <see cref="YamlLimits"/> as the events stream in: the parser is iterative, so a 40 KB run of <c>[</c> is stopped
/// at depth 33 instead of overflowing the stack later. Anchors and aliases are refused (aliases make billion-laughs
/// expansion possible and these files never need them), as are tags and multiple documents.
/// </summary>
internal static class SafeYamlReader
{
    /// <summary>The root node of a policy, or null when the file is empty or has a problem that stops reading (then reported).</summary>
    public static Node? Read(string text, DiagnosticBag diagnostics) => Read(text, DocumentKind.Policy, diagnostics);

    /// <summary>The root node, or null when the file is empty or has a problem that stops reading (then reported).</summary>
    public static Node? Read(string text, DocumentKind kind, DiagnosticBag diagnostics)
    {
        var builder = new TreeBuilder(diagnostics);
        var last = SourcePosition.FileStart;
        try
        {
            if (!Consume(new Parser(new StringReader(text)), builder, kind, diagnostics, ref last))
            {
                return null;
            }
        }
        catch (YamlException error)
        {
            diagnostics.Add(SourcePosition.From(error.Start), "YAML syntax error: " + error.Message);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16.3's scanner throws this, without a position, on some malformed plain scalars (": [\nu").
            diagnostics.Add(last, "YAML syntax error after this point; check brackets, quotes and indentation");
            return null;
        }

        if (builder.Root is null)
        {
            diagnostics.Add(SourcePosition.FileStart, $"the {kind.Singular} file is empty");
        }

        return builder.Root;
    }

    private static bool Consume(Parser parser, TreeBuilder builder, DocumentKind kind, DiagnosticBag diagnostics, ref SourcePosition last)
    {
        var documents = 0;
        var nodes = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var start = SourcePosition.From(current.Start);
            last = start;
            if (current is NodeEvent node)
            {
                if (++nodes > YamlLimits.MaxNodes)
                {
                    diagnostics.Add(start, string.Create(CultureInfo.InvariantCulture, $"more than {YamlLimits.MaxNodes} YAML nodes; a {kind.Singular} file is expected to be far smaller"));
                    return false;
                }

                CheckDecorations(node, start, kind, diagnostics);
            }

            switch (current)
            {
                case DocumentStart when ++documents > 1:
                    diagnostics.Add(start, $"a {kind.Singular} file holds a single YAML document; found a second one ('---')");
                    return false;
                case Scalar scalar:
                    builder.Add(new ScalarNode(start, scalar.Value, scalar.Style == ScalarStyle.Plain));
                    break;
                case AnchorAlias alias:
                    diagnostics.Add(start, $"aliases (*{alias.Value}) are not allowed in {kind.Plural}; write the value out");
                    builder.Add(new AliasNode(start, alias.Value.Value));
                    break;
                case SequenceStart or MappingStart when builder.Depth >= YamlLimits.MaxDepth:
                    diagnostics.Add(start, string.Create(CultureInfo.InvariantCulture, $"nesting deeper than {YamlLimits.MaxDepth} levels; a {kind.Singular} never needs this"));
                    return false;
                case SequenceStart or MappingStart:
                    builder.Open(start, current is MappingStart);
                    break;
                case SequenceEnd or MappingEnd:
                    builder.Close();
                    break;
            }
        }

        return true;
    }

    private static void CheckDecorations(NodeEvent node, SourcePosition start, DocumentKind kind, DiagnosticBag diagnostics)
    {
        if (!node.Anchor.IsEmpty)
        {
            diagnostics.Add(start, $"anchors (&{node.Anchor}) are not allowed in {kind.Plural}; write the value out");
        }

        if (!node.Tag.IsEmpty)
        {
            diagnostics.Add(start, $"tags ({node.Tag}) are not allowed in {kind.Plural}; quote a value to make it a string");
        }
    }
}
