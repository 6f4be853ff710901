using System.Text;
using ModelCert.Core.Results;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Lineage;
using ModelCert.Evidence.Log;
using ModelCert.Evidence.ModelCard;
using ModelCert.Evidence.Pack;
using ModelCert.Policy;

namespace ModelCert.Cli.Certify;

/// <summary>
/// certify's output: the signed evidence pack in <c>--out</c> (or, with <c>--no-pack</c>, loose results files).
/// <see cref="Prepare"/> runs before any data is read, so a target that cannot be written or a missing key fails at
/// once; <see cref="Write"/> assembles the files, signs, appends to the log, then writes the folder atomically.
/// </summary>
internal sealed partial class CertifyPack : IDisposable
{
    private readonly PackOptions _options;
    private readonly SigningKey? _key;
    private readonly TransparencyLog? _log;
    private readonly bool _replaceFolder;
    private readonly bool _replaceZip;

    private CertifyPack(string folder, PackOptions options, SigningKey? key, TransparencyLog? log, bool replaceFolder, bool replaceZip)
    {
        Folder = folder;
        _options = options;
        _key = key;
        _log = log;
        _replaceFolder = replaceFolder;
        _replaceZip = replaceZip;
    }

    /// <summary>The pack folder (absolute).</summary>
    public string Folder { get; }

    public string ZipPath => Folder + ".zip";

    /// <summary>Checks the output up front, removes leftovers of killed runs, and opens the key and the log.</summary>
    public static CertifyPack Prepare(Submission submission, PackOptions options, Action<string> status)
    {
        var folder = submission.Resolve(submission.OutputDirectory);
        if (options.NoPack)
        {
            return new CertifyPack(folder, options, null, null, false, false);
        }

        foreach (var stale in PackTarget.RemoveStaleTemporaries(folder).Concat(options.Zip ? PackTarget.RemoveStaleTemporaries(folder + ".zip") : []))
        {
            status($"removed {Path.GetFileName(stale)}, left by an earlier certification that was interrupted");
        }

        var replaceFolder = PackTarget.CheckFolder(folder);
        var replaceZip = options.Zip && PackTarget.CheckZip(folder + ".zip");
        var workspace = SigningSetup.Workspace(options);
        var key = SigningSetup.Load(options, workspace, status);
        try
        {
            return new CertifyPack(folder, options, key, TransparencyLog.Open(workspace.LogFolder, key), replaceFolder, replaceZip);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    /// <summary>Writes the evidence of <paramref name="certification"/>; returns the line certify prints about it.</summary>
    public string Write(Submission submission, Certification certification, DateTimeOffset startedAt, TimeProvider time)
    {
        var document = certification.Document;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["results.json"] = Utf8(ResultsJson.Serialize(document) + "\n"),
            ["report.html"] = Utf8(Evidence.Report.ReportHtml.Render(document)),
            ["model-card.md"] = Utf8(ModelCardMarkdown.Render(document, submission.Card, submission.Provenance)),
        };
        if (_options.NoPack)
        {
            Directory.CreateDirectory(Folder);
            foreach (var (name, content) in files)
            {
                using var file = new AtomicFile(Path.Combine(Folder, name));
                file.Stream.Write(content);
                file.Commit();
            }

            return $"results in {Path.Combine(Folder, "results.json")} (--no-pack: nothing signed or logged)";
        }

        var lockBytes = Utf8(PolicyLockWriter.ToYaml(certification.Policy));
        files["policy.lock.yaml"] = lockBytes;
        var finishedAt = time.GetUtcNow();
        var inputs = LineageInputs(submission, document);
        var run = new LineageRun(
            OpenLineageEvent.RunId(startedAt, submission.Seed, inputs.Select(i => i.Sha256)),
            startedAt,
            finishedAt,
            document.Tool.Version,
            "certify/" + document.Model.Name,
            SubmissionRecord.ToJson(submission));
        files["lineage.json"] = OpenLineageEvent.Write(run, inputs, Folder);

        var metadata = PackMetadata.ForTool(document.Tool.Version) with
        {
            EngineVersions = new Dictionary<string, string> { ["onnxruntime"] = document.Tool.OnnxRuntime, ["duckdb"] = document.Tool.DuckDb },
            Seeds = new Dictionary<string, ulong> { ["bootstrap"] = submission.Seed },
            Timestamps = new Dictionary<string, DateTimeOffset> { ["started_at"] = startedAt, ["finished_at"] = finishedAt },
        };
        var pack = new EvidencePackBuilder(_key!, _log!, time).Build(Statement(document, inputs, lockBytes), files, metadata);
        CrashHook.At("after-log-append");
        var written = 0;
        PackWriter.WriteFolder(pack.Files, Folder, _replaceFolder, _ =>
        {
            if (++written == 3)
            {
                CrashHook.At("mid-pack-write");
            }
        });
        if (_options.Zip)
        {
            PackWriter.WriteZip(pack, ZipPath, _replaceZip);
        }

        return $"evidence pack in {Folder}{(_options.Zip ? $" and {ZipPath}" : "")}: {pack.Files.Count} files, signed by key {_key!.Id}, log entry {pack.LogEntry.Index} of {pack.LogEntry.Checkpoint.TreeSize}";
    }

    public void Dispose() => _key?.Dispose();

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
