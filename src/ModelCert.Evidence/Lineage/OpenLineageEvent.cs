using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using ModelCert.Evidence.Json;

namespace ModelCert.Evidence.Lineage;

/// <summary>
/// <c>lineage.json</c>: one OpenLineage RunEvent (spec 2-0-2) of type COMPLETE for a certification. Inputs are the
/// model and every dataset (namespace <c>file</c>, name the absolute path), each with the standard <c>version</c>
/// (datasetVersion = SHA-256), <c>datasetType</c> and, for data, <c>schema</c> facets, plus ModelCert's
/// <c>modelcert_fingerprint</c> facet; the output is the evidence pack. The run carries the standard
/// <c>nominalTime</c> and <c>processing_engine</c> facets and ModelCert's <c>modelcert_submission</c> facet, from
/// which a certification can be re-run. Custom facets carry <c>_producer</c> and <c>_schemaURL</c> as the spec asks.
/// </summary>
public static class OpenLineageEvent
{
    public const string SchemaUrl = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";

    /// <summary>The job namespace of every certification.</summary>
    public const string JobNamespace = "modelcert";

    /// <summary>The run facet that records the submission.</summary>
    public const string SubmissionFacet = "modelcert_submission";

    private const string FileNamespace = "file";
    private const string FacetBase = "https://modelcert.dev/spec/lineage/";

    public static string Producer(string toolVersion) => $"https://modelcert.dev/modelcert/{toolVersion}";

    /// <summary>
    /// A run id that is a valid UUIDv7 (time-ordered, as OpenLineage recommends) but deterministic: its 48-bit
    /// timestamp is <paramref name="time"/>, its other bits come from SHA-256 of the seed and input digests, so the same
    /// inputs at the same (injected) time give the same id and the same lineage bytes.
    /// </summary>
    public static Guid RunId(DateTimeOffset time, ulong seed, IEnumerable<string> digests)
    {
        var material = Encoding.UTF8.GetBytes(string.Join('\n', digests.Prepend(seed.ToString(CultureInfo.InvariantCulture))));
        var bytes = SHA256.HashData(material).AsSpan(0, 16).ToArray();
        var milliseconds = (ulong)Math.Max(0, time.ToUnixTimeMilliseconds());
        Span<byte> stamp = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(stamp, milliseconds);
        stamp[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The RunEvent as JSON bytes.</summary>
    public static byte[] Write(LineageRun run, IReadOnlyList<LineageInput> inputs, string packPath)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(inputs);
        var producer = Producer(run.ToolVersion);
        var submission = (JsonObject)run.Submission.DeepClone();
        submission.Insert(0, "_producer", producer);
        submission.Insert(1, "_schemaURL", FacetBase + "SubmissionRunFacet.json");
        var root = new JsonObject
        {
            ["eventType"] = "COMPLETE",
            ["eventTime"] = Time(run.FinishedAt),
            ["run"] = new JsonObject
            {
                ["runId"] = run.RunId.ToString("D"),
                ["facets"] = new JsonObject
                {
                    ["nominalTime"] = Facet(producer, "https://openlineage.io/spec/facets/1-0-1/NominalTimeRunFacet.json#/$defs/NominalTimeRunFacet",
                        ("nominalStartTime", Time(run.StartedAt)), ("nominalEndTime", Time(run.FinishedAt))),
                    ["processing_engine"] = Facet(producer, "https://openlineage.io/spec/facets/1-1-1/ProcessingEngineRunFacet.json#/$defs/ProcessingEngineRunFacet",
                        ("version", run.ToolVersion), ("name", "modelcert")),
                    [SubmissionFacet] = submission,
                },
            },
            ["job"] = new JsonObject
            {
                ["namespace"] = JobNamespace,
                ["name"] = run.JobName,
                ["facets"] = new JsonObject
                {
                    ["jobType"] = Facet(producer, "https://openlineage.io/spec/facets/2-0-3/JobTypeJobFacet.json#/$defs/JobTypeJobFacet",
                        ("processingType", "BATCH"), ("integration", "MODELCERT"), ("jobType", "CERTIFICATION")),
                },
            },
            ["inputs"] = new JsonArray([.. inputs.Select(i => (JsonNode)Input(i, producer))]),
            ["outputs"] = new JsonArray(new JsonObject
            {
                ["namespace"] = FileNamespace,
                ["name"] = Path.GetFullPath(packPath),
                ["facets"] = new JsonObject
                {
                    ["datasetType"] = Facet(producer, "https://openlineage.io/spec/facets/1-0-0/DatasetTypeDatasetFacet.json#/$defs/DatasetTypeDatasetFacet",
                        ("datasetType", "FILE"), ("subType", "EVIDENCE_PACK")),
                },
            }),
            ["producer"] = producer,
            ["schemaURL"] = SchemaUrl,
        };
        return JsonOutput.Write(writer => root.WriteTo(writer));
    }

    /// <summary>The <c>modelcert_submission</c> run facet of a lineage.json, without its <c>_producer</c> and <c>_schemaURL</c>.</summary>
    /// <exception cref="FormatException">The bytes are not a RunEvent with that facet.</exception>
    public static JsonObject ReadSubmission(ReadOnlySpan<byte> json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: StrictJson.DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"lineage.json is not JSON: {ex.Message}", ex);
        }

        if (root is not JsonObject ||
            root["run"] is not JsonObject { } run || run["facets"] is not JsonObject facets || facets[SubmissionFacet] is not JsonObject facet
            || root["schemaURL"]?.GetValueKind() != JsonValueKind.String)
        {
            throw new FormatException($"lineage.json is not an OpenLineage RunEvent with the run facet '{SubmissionFacet}'");
        }

        var submission = (JsonObject)facet.DeepClone();
        submission.Remove("_producer");
        submission.Remove("_schemaURL");
        return submission;
    }

    private static JsonObject Input(LineageInput input, string producer)
    {
        var facets = new JsonObject
        {
            ["version"] = Facet(producer, "https://openlineage.io/spec/facets/1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet",
                ("datasetVersion", "sha256:" + input.Sha256)),
            ["datasetType"] = Facet(producer, "https://openlineage.io/spec/facets/1-0-0/DatasetTypeDatasetFacet.json#/$defs/DatasetTypeDatasetFacet",
                ("datasetType", input.IsModel ? "MODEL" : "FILE")),
        };
        if (input.Fields.Count > 0)
        {
            var schema = Facet(producer, "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet");
            schema["fields"] = new JsonArray([.. input.Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type })]);
            facets["schema"] = schema;
        }

        var fingerprint = Facet(producer, FacetBase + "FingerprintDatasetFacet.json", ("role", input.Role), ("sha256", input.Sha256));
        fingerprint["bytes"] = input.Bytes;
        fingerprint["rows"] = input.Rows;
        fingerprint["schemaSha256"] = input.SchemaSha256;
        facets["modelcert_fingerprint"] = fingerprint;
        return new JsonObject { ["namespace"] = FileNamespace, ["name"] = Path.GetFullPath(input.Path), ["facets"] = facets };
    }

    private static JsonObject Facet(string producer, string schemaUrl, params (string Name, string Value)[] fields)
    {
        var facet = new JsonObject { ["_producer"] = producer, ["_schemaURL"] = schemaUrl };
        foreach (var (name, value) in fields)
        {
            facet[name] = value;
        }

        return facet;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
