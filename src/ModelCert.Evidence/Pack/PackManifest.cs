using System.Globalization;

using ModelCert.Evidence.Json;

namespace ModelCert.Evidence.Pack;

/// <summary>
/// <c>manifest.json</c>: how the pack was made (<see cref="PackMetadata"/>, and the time it was made, from the
/// injected clock) and the relative path, SHA-256 and size of every file in the pack except itself and
/// <c>log-proof.json</c>. The manifest's own digest is what the transparency log records for the pack, and
/// log-proof.json proves that record; listing the proof in the manifest would make the two depend on each other.
/// </summary>
public sealed record PackManifest(DateTimeOffset CreatedAt, PackMetadata Metadata, IReadOnlyList<ManifestFile> Files)
{
    /// <summary>The <c>schema</c> member of every manifest.</summary>
    public const string Schema = "modelcert/manifest/v1";

    /// <summary>The manifest of <paramref name="files"/> (path to content), sorted by path.</summary>
    public static PackManifest Create(IReadOnlyDictionary<string, byte[]> files, PackMetadata metadata, DateTimeOffset createdAt) =>
        new(createdAt, metadata, files
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new ManifestFile(f.Key, Sha256Digest.Of(f.Value), f.Value.LongLength))
            .ToList());

    /// <summary>The manifest as JSON; dictionaries are written in ordinal key order so equal manifests are equal bytes.</summary>
    public byte[] ToJson() => JsonOutput.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("schema", Schema);
        writer.WriteString("created_at", Timestamp(CreatedAt));
        writer.WriteString("tool_version", Metadata.ToolVersion);
        writer.WriteStartObject("engine_versions");
        foreach (var (name, version) in Metadata.EngineVersions.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name, version);
        }

        writer.WriteEndObject();
        writer.WriteString("os", Metadata.OperatingSystem);
        writer.WriteStartObject("seeds");
        foreach (var (name, seed) in Metadata.Seeds.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(name, seed);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("timestamps");
        foreach (var (name, time) in Metadata.Timestamps.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteString(name, Timestamp(time));
        }

        writer.WriteEndObject();
        writer.WriteStartArray("files");
        foreach (var file in Files)
        {
            writer.WriteStartObject();
            writer.WriteString("path", file.Path);
            writer.WriteString("sha256", file.Sha256);
            writer.WriteNumber("size", file.Size);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Reads a manifest; null with <paramref name="error"/> when it is not one.</summary>
    public static PackManifest? Parse(ReadOnlyMemory<byte> json, out string? error) => StrictJson.Parse(json, PackFileNames.Manifest, root =>
    {
        const string Where = "manifest";
        var members = StrictJson.Members(root, Where, "schema", "created_at", "tool_version", "engine_versions", "os", "seeds", "timestamps", "files");
        StrictJson.Constant(members, "schema", Schema, Where);
        var engines = StrictJson.Map(StrictJson.Required(members, "engine_versions", Where), "manifest.engine_versions");
        var seeds = StrictJson.Map(StrictJson.Required(members, "seeds", Where), "manifest.seeds");
        var times = StrictJson.Map(StrictJson.Required(members, "timestamps", Where), "manifest.timestamps");
        var metadata = new PackMetadata(
            StrictJson.String(members, "tool_version", Where),
            engines.Keys.ToDictionary(k => k, k => StrictJson.String(engines, k, "manifest.engine_versions"), StringComparer.Ordinal),
            StrictJson.String(members, "os", Where),
            seeds.Keys.ToDictionary(k => k, k => StrictJson.Unsigned(seeds, k, "manifest.seeds"), StringComparer.Ordinal),
            times.Keys.ToDictionary(k => k, k => ParseTimestamp(StrictJson.String(times, k, "manifest.timestamps"), $"manifest.timestamps.{k}"), StringComparer.Ordinal));
        var files = new List<ManifestFile>();
        foreach (var element in StrictJson.Array(members, "files", Where))
        {
            var where = $"manifest.files[{files.Count}]";
            var fields = StrictJson.Members(element, where, "path", "sha256", "size");
            var path = StrictJson.String(fields, "path", where);
            if (PackFileNames.CheckRelativePath(path) is { } problem)
            {
                throw new FormatException($"{where}.path: {problem}");
            }

            if (files.Any(f => f.Path == path))
            {
                throw new FormatException($"{where}.path '{path}' is listed twice");
            }

            files.Add(new ManifestFile(path, StrictJson.Sha256(StrictJson.String(fields, "sha256", where), where + ".sha256"), StrictJson.Integer(fields, "size", where)));
        }

        return new PackManifest(ParseTimestamp(StrictJson.String(members, "created_at", Where), "manifest.created_at"), metadata, files);
    }, out error);

    private static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string text, string where) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) && Timestamp(time) == text
            ? time
            : throw new FormatException($"{where} '{text}' is not a UTC timestamp like 2026-01-31T12:00:00Z");
}

/// <summary>One listed file: its path relative to the pack ('/'-separated), SHA-256 and size in bytes.</summary>
public sealed record ManifestFile(string Path, string Sha256, long Size);

/// <summary>
/// How a pack was made, supplied by the caller: the tool version, the versions of the engines that ran (for example
/// <c>onnxruntime</c>, <c>duckdb</c>), the operating system, the seeds of every random procedure, and named
/// timestamps (for example <c>started_at</c>, <c>finished_at</c>) taken from the same injected clock.
/// </summary>
public sealed record PackMetadata(
    string ToolVersion,
    IReadOnlyDictionary<string, string> EngineVersions,
    string OperatingSystem,
    IReadOnlyDictionary<string, ulong> Seeds,
    IReadOnlyDictionary<string, DateTimeOffset> Timestamps)
{
    /// <summary>Metadata with the running operating system and no engines, seeds or timestamps yet.</summary>
    public static PackMetadata ForTool(string toolVersion) => new(
        toolVersion,
        new Dictionary<string, string>(),
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription} ({System.Runtime.InteropServices.RuntimeInformation.OSArchitecture})",
        new Dictionary<string, ulong>(),
        new Dictionary<string, DateTimeOffset>());
}
