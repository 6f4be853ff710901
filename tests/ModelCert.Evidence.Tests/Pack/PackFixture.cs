using System.Text;
using System.Text.Json.Nodes;

using ModelCert.Evidence.Attestation;
using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Log;
using ModelCert.Evidence.Pack;
using ModelCert.Evidence.Tests.Support;

namespace ModelCert.Evidence.Tests.Pack;

/// <summary>
/// A workspace (key and log), a fake model and dataset, and a pack about them built through the public API, the way
/// certify will: a tiny results.json and a nested file, so every kind of file is covered.
/// </summary>
internal sealed class PackFixture : IDisposable
{
    public PackFixture(int earlierEntries = 2)
    {
        Key = SigningKey.Generate();
        Log = TransparencyLog.Open(Temp.File("workspace/log"), Key);
        for (var i = 0; i < earlierEntries; i++)
        {
            Log.Append(Encoding.UTF8.GetBytes($"{{\"kind\":\"earlier\",\"n\":{i}}}"));
        }

        ModelPath = Temp.Write("models/loan.onnx", "not really onnx, but bytes to digest\n");
        DataPath = Temp.Write("data/loans.csv", "id,sex,income,approved\n1,f,10,1\n2,m,20,0\n");
        Pack = Build(Key, Log);
        PackFolder = Temp.File("pack");
        PackWriter.WriteFolder(Pack, PackFolder);
    }

    public TempFolder Temp { get; } = new();

    public SigningKey Key { get; }

    public TransparencyLog Log { get; }

    public string ModelPath { get; }

    public string DataPath { get; }

    public EvidencePack Pack { get; }

    public string PackFolder { get; }

    public EvidencePack Build(SigningKey key, TransparencyLog log)
    {
        var predicate = new CertificationPredicate(
            "certified",
            [new RequirementOutcome("four-fifths.selection-rate-ratio", "pass")],
            Sha256Digest.Of("policy"u8),
            [new DatasetDigest("test", "loans.csv", Sha256Digest.OfFile(DataPath))],
            "0.1.0");
        var statement = InTotoStatement.ForCertification(StatementSubject.ForFile(ModelPath), [StatementSubject.ForFile(DataPath)], predicate.ToJson());
        var files = new Dictionary<string, byte[]>
        {
            ["results.json"] = Encoding.UTF8.GetBytes(new JsonObject { ["schema"] = "modelcert/results/v1", ["verdict"] = "certified" }.ToJsonString() + "\n"),
            ["model-card.md"] = "# Loan model\n\nMissing: intended use.\n"u8.ToArray(),
            ["lineage/lineage.json"] = "{\"eventType\":\"COMPLETE\"}\n"u8.ToArray(),
        };
        var metadata = PackMetadata.ForTool("0.1.0") with
        {
            EngineVersions = new Dictionary<string, string> { ["onnxruntime"] = "1.30.0", ["duckdb"] = "1.5.6" },
            Seeds = new Dictionary<string, ulong> { ["bootstrap"] = 42 },
            Timestamps = new Dictionary<string, DateTimeOffset> { ["started_at"] = FixedTime.Default.AddMinutes(-1), ["finished_at"] = FixedTime.Default },
        };
        return new EvidencePackBuilder(key, log, new FixedTime()).Build(statement, files, metadata);
    }

    public void Dispose()
    {
        Key.Dispose();
        Temp.Dispose();
    }
}
