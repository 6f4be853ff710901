using System.Text.Json;
using System.Text.Json.Nodes;

using ModelCert.Evidence.Json;

namespace ModelCert.Evidence.Attestation;

/// <summary>
/// An in-toto Statement v1: <c>{"_type": "https://in-toto.io/Statement/v1", "subject": [{"name", "digest":
/// {"sha256"}}], "predicateType", "predicate"}</c>. For a certification the first subject is the model file, the
/// others are the datasets, and the predicate (<see cref="CertificationPredicateType"/>) is what certify measured
/// and decided.
/// </summary>
public sealed record InTotoStatement(IReadOnlyList<StatementSubject> Subjects, string PredicateType, JsonNode Predicate)
{
    /// <summary>The statement's <c>_type</c>.</summary>
    public const string StatementType = "https://in-toto.io/Statement/v1";

    /// <summary>The DSSE payload type of an in-toto statement.</summary>
    public const string PayloadType = "application/vnd.in-toto+json";

    /// <summary>ModelCert's certification predicate.</summary>
    public const string CertificationPredicateType = "https://modelcert.dev/certification/v1";

    /// <summary>The subject that names the model (the first).</summary>
    public StatementSubject Model => Subjects[0];

    /// <summary>
    /// A certification statement: the model file first, then every dataset, with the predicate as built by the caller
    /// (for example <see cref="CertificationPredicate.ToJson"/>).
    /// </summary>
    public static InTotoStatement ForCertification(StatementSubject model, IEnumerable<StatementSubject> datasets, JsonNode predicate)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(predicate);
        List<StatementSubject> subjects = [model, .. datasets];
        foreach (var subject in subjects)
        {
            if (string.IsNullOrEmpty(subject.Name) || !Sha256Digest.IsValid(subject.Sha256))
            {
                throw new ArgumentException($"subject '{subject.Name}' needs a name and a sha256 of 64 lowercase hex digits, not '{subject.Sha256}'");
            }
        }

        return new InTotoStatement(subjects, CertificationPredicateType, predicate.DeepClone());
    }

    /// <summary>The statement as JSON (the DSSE payload).</summary>
    public byte[] ToJson() => JsonOutput.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("_type", StatementType);
        writer.WriteStartArray("subject");
        foreach (var subject in Subjects)
        {
            writer.WriteStartObject();
            writer.WriteString("name", subject.Name);
            writer.WriteStartObject("digest");
            writer.WriteString("sha256", subject.Sha256);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("predicateType", PredicateType);
        writer.WritePropertyName("predicate");
        Predicate.WriteTo(writer);
        writer.WriteEndObject();
    });

    /// <summary>Signs the statement into a DSSE envelope.</summary>
    public DsseEnvelope Sign(Keys.SigningKey key) => DsseEnvelope.Sign(PayloadType, ToJson(), key);

    /// <summary>
    /// Reads a statement. Subjects need a sha256 digest (other digest algorithms may sit beside it); the predicate may
    /// be any JSON value.
    /// </summary>
    public static InTotoStatement? Parse(ReadOnlyMemory<byte> json, out string? error) => StrictJson.Parse(json, "the in-toto statement", root =>
    {
        const string Where = "statement";
        var members = StrictJson.Members(root, Where, "_type", "subject", "predicateType", "predicate");
        StrictJson.Constant(members, "_type", StatementType, Where);
        var subjects = new List<StatementSubject>();
        foreach (var element in StrictJson.Array(members, "subject", Where))
        {
            var where = $"statement.subject[{subjects.Count}]";
            var fields = StrictJson.Members(element, where, "name", "digest");
            var digest = StrictJson.Required(fields, "digest", where);
            if (digest.ValueKind != JsonValueKind.Object || !digest.TryGetProperty("sha256", out var sha) || sha.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"{where}.digest has no sha256");
            }

            subjects.Add(new StatementSubject(StrictJson.String(fields, "name", where), StrictJson.Sha256(sha.GetString()!, where + ".digest.sha256")));
        }

        if (subjects.Count == 0)
        {
            throw new FormatException("statement.subject is empty");
        }

        var predicate = JsonNode.Parse(StrictJson.Required(members, "predicate", Where).GetRawText())
            ?? throw new FormatException("statement.predicate is null");
        return new InTotoStatement(subjects, StrictJson.String(members, "predicateType", Where), predicate);
    }, out error);
}

/// <summary>A statement subject: an artifact's name and its SHA-256 (64 lowercase hex digits).</summary>
public sealed record StatementSubject(string Name, string Sha256)
{
    /// <summary>The subject for a file: its name without folders, and its digest.</summary>
    public static StatementSubject ForFile(string path) => new(Path.GetFileName(path), Sha256Digest.OfFile(path));
}
