using System.Text.Json;

using ModelCert.Evidence.Json;

namespace ModelCert.Evidence.Pack;

/// <summary>
/// The transparency log entry of a pack, one line of JSON:
/// <c>{"kind":"modelcert/certification/v1","manifest_sha256":"…","attestation_sha256":"…","model":{"name":"…","sha256":"…"}}</c>.
/// The manifest digest commits the log to every file of the pack; the model and attestation digests make the log
/// readable on its own.
/// </summary>
public sealed record PackLogEntry(string ManifestSha256, string AttestationSha256, string ModelName, string ModelSha256)
{
    /// <summary>The entry kind of a certification.</summary>
    public const string Kind = "modelcert/certification/v1";

    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.Options with { Indented = false }))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", Kind);
            writer.WriteString("manifest_sha256", ManifestSha256);
            writer.WriteString("attestation_sha256", AttestationSha256);
            writer.WriteStartObject("model");
            writer.WriteString("name", ModelName);
            writer.WriteString("sha256", ModelSha256);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads an entry; null with <paramref name="error"/> when the bytes are not a certification entry.</summary>
    public static PackLogEntry? Parse(ReadOnlyMemory<byte> bytes, out string? error) => StrictJson.Parse(bytes, "the log entry", root =>
    {
        const string Where = "entry";
        var members = StrictJson.Members(root, Where, "kind", "manifest_sha256", "attestation_sha256", "model");
        StrictJson.Constant(members, "kind", Kind, Where);
        var model = StrictJson.Members(StrictJson.Required(members, "model", Where), "entry.model", "name", "sha256");
        return new PackLogEntry(
            StrictJson.Sha256(StrictJson.String(members, "manifest_sha256", Where), "entry.manifest_sha256"),
            StrictJson.Sha256(StrictJson.String(members, "attestation_sha256", Where), "entry.attestation_sha256"),
            StrictJson.String(model, "name", "entry.model"),
            StrictJson.Sha256(StrictJson.String(model, "sha256", "entry.model"), "entry.model.sha256"));
    }, out error);
}
