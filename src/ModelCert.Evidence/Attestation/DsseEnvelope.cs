using System.Globalization;
using System.Text;

using ModelCert.Evidence.Json;
using ModelCert.Evidence.Keys;

namespace ModelCert.Evidence.Attestation;

/// <summary>
/// A DSSE envelope (Dead Simple Signing Envelope, v1): a payload, its type, and signatures over
/// PAE(type, payload) = "DSSEv1" SP LEN(type) SP type SP LEN(payload) SP payload, where LEN is the byte length in
/// ASCII decimal. Signing the type with the payload stops a signature being replayed as another kind of document.
/// JSON form: <c>{"payload": base64, "payloadType": "...", "signatures": [{"keyid": "...", "sig": base64}]}</c>;
/// our signatures are ECDSA P-256/SHA-256, DER-encoded, and keyid is the <see cref="KeyId"/> of the signer.
/// </summary>
public sealed record DsseEnvelope(string PayloadType, byte[] Payload, IReadOnlyList<DsseSignature> Signatures)
{
    /// <summary>The pre-authentication encoding that is actually signed.</summary>
    public static byte[] PreAuthenticationEncoding(string payloadType, ReadOnlySpan<byte> payload)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {type.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {payload.Length} "));
        return [.. header, .. type, .. middle, .. payload];
    }

    /// <summary>Signs <paramref name="payload"/> of type <paramref name="payloadType"/> with <paramref name="key"/>.</summary>
    public static DsseEnvelope Sign(string payloadType, byte[] payload, SigningKey key) =>
        new(payloadType, payload, [new DsseSignature(key.Id, key.Sign(PreAuthenticationEncoding(payloadType, payload)))]);

    /// <summary>
    /// Whether a signature by <paramref name="key"/> verifies. Key ids are hints, not authenticated: signatures whose
    /// keyid is empty or the key's own id are tried; at least one must verify.
    /// </summary>
    public bool Verify(VerificationKey key, out string? error)
    {
        var candidates = Signatures.Where(s => s.KeyId.Length == 0 || s.KeyId == key.Id).ToList();
        if (candidates.Count == 0)
        {
            error = $"no signature by key {key.Id}; the envelope is signed by {string.Join(", ", Signatures.Select(s => $"key {s.KeyId}"))}";
            return false;
        }

        var pae = PreAuthenticationEncoding(PayloadType, Payload);
        if (candidates.Any(s => key.Verify(pae, s.Signature)))
        {
            error = null;
            return true;
        }

        error = $"the signature by key {key.Id} does not verify: the statement or its type was changed, or it was signed by another key";
        return false;
    }

    /// <summary>The envelope as JSON.</summary>
    public byte[] ToJson() => JsonOutput.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("payload", Convert.ToBase64String(Payload));
        writer.WriteString("payloadType", PayloadType);
        writer.WriteStartArray("signatures");
        foreach (var signature in Signatures)
        {
            writer.WriteStartObject();
            writer.WriteString("keyid", signature.KeyId);
            writer.WriteString("sig", Convert.ToBase64String(signature.Signature));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Reads an envelope from JSON; null with <paramref name="error"/> when it is not one.</summary>
    public static DsseEnvelope? Parse(ReadOnlyMemory<byte> json, out string? error) => StrictJson.Parse(json, "the DSSE envelope", root =>
    {
        const string Where = "envelope";
        var members = StrictJson.Members(root, Where, "payload", "payloadType", "signatures");
        var payload = StrictJson.Base64(StrictJson.String(members, "payload", Where), "envelope.payload");
        var type = StrictJson.String(members, "payloadType", Where);
        var signatures = new List<DsseSignature>();
        foreach (var element in StrictJson.Array(members, "signatures", Where))
        {
            var where = $"envelope.signatures[{signatures.Count}]";
            var fields = StrictJson.Members(element, where, "keyid", "sig");
            signatures.Add(new DsseSignature(StrictJson.OptionalString(fields, "keyid", where) ?? "", StrictJson.Base64(StrictJson.String(fields, "sig", where), where + ".sig")));
        }

        return signatures.Count > 0 ? new DsseEnvelope(type, payload, signatures) : throw new FormatException("the envelope has no signature");
    }, out error);
}

/// <summary>One DSSE signature: the signer's key id (a hint) and the DER signature bytes.</summary>
public sealed record DsseSignature(string KeyId, byte[] Signature);
