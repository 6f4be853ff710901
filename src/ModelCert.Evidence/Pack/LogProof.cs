using ModelCert.Evidence.Json;

namespace ModelCert.Evidence.Pack;

/// <summary>
/// <c>log-proof.json</c>: the pack's transparency log entry (base64 of the exact leaf data), its index, the size of
/// the tree it is proved in, the RFC 9162 audit path (base64 hashes, leaf's sibling first) and the signed checkpoint
/// note of that tree. With these and the log's public key, anyone can check the pack was logged, offline.
/// </summary>
public sealed record LogProof(long LeafIndex, long TreeSize, byte[] Entry, IReadOnlyList<byte[]> InclusionPath, string Checkpoint)
{
    /// <summary>The <c>schema</c> member of every log proof.</summary>
    public const string Schema = "modelcert/log-proof/v1";

    public byte[] ToJson() => JsonOutput.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteNumber("leaf_index", LeafIndex);
        writer.WriteNumber("tree_size", TreeSize);
        writer.WriteString("entry", Convert.ToBase64String(Entry));
        writer.WriteStartArray("inclusion_path");
        foreach (var hash in InclusionPath)
        {
            writer.WriteStringValue(Convert.ToBase64String(hash));
        }

        writer.WriteEndArray();
        writer.WriteString("checkpoint", Checkpoint);
        writer.WriteEndObject();
    });

    /// <summary>Reads a log proof; null with <paramref name="error"/> when it is not one.</summary>
    public static LogProof? Parse(ReadOnlyMemory<byte> json, out string? error) => StrictJson.Parse(json, PackFileNames.LogProof, root =>
    {
        const string Where = "log-proof";
        var members = StrictJson.Members(root, Where, "schema", "leaf_index", "tree_size", "entry", "inclusion_path", "checkpoint");
        StrictJson.Constant(members, "schema", Schema, Where);
        var path = new List<byte[]>();
        foreach (var element in StrictJson.Array(members, "inclusion_path", Where))
        {
            var where = $"log-proof.inclusion_path[{path.Count}]";
            path.Add(element.ValueKind == System.Text.Json.JsonValueKind.String
                ? StrictJson.Base64(element.GetString()!, where)
                : throw new FormatException($"{where} must be a base64 string"));
        }

        return new LogProof(
            StrictJson.Integer(members, "leaf_index", Where),
            StrictJson.Integer(members, "tree_size", Where),
            StrictJson.Base64(StrictJson.String(members, "entry", Where), "log-proof.entry"),
            path,
            StrictJson.String(members, "checkpoint", Where));
    }, out error);
}
