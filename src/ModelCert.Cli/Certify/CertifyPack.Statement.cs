using ModelCert.Core.Results;
using ModelCert.Data;
using ModelCert.Evidence;
using ModelCert.Evidence.Attestation;
using ModelCert.Evidence.Lineage;

namespace ModelCert.Cli.Certify;

/// <summary>The in-toto statement and the lineage inputs: what the pack is about, by digest.</summary>
internal sealed partial class CertifyPack
{
    /// <summary>
    /// Subjects: the model file first (in predictions mode, the file the scores were read from), then every dataset. The predicate: verdict, every requirement's outcome, the lock's digest, the datasets'
    /// digests and the tool version.
    /// </summary>
    private static InTotoStatement Statement(ResultsDocument document, List<LineageInput> inputs, byte[] lockBytes)
    {
        var scores = inputs[0];
        var model = new StatementSubject(Path.GetFileName(scores.Path), scores.Sha256);
        var datasets = document.Datasets.Select(d => new DatasetDigest(d.Role, Path.GetFileName(d.Path), d.Sha256)).ToList();
        var predicate = new CertificationPredicate(
            document.Verdict,
            [.. document.Checks.Select(c => new RequirementOutcome(c.Requirement, c.Outcome.ToString().ToLowerInvariant(), c.Attribute))],
            Sha256Digest.Of(lockBytes),
            datasets,
            document.Tool.Version);
        return InTotoStatement.ForCertification(model, datasets.Select(d => new StatementSubject(d.Name, d.Sha256)), predicate.ToJson());
    }

    /// <summary>The model (or the scores' source in predictions mode) first, then the datasets with their field types.</summary>
    private static List<LineageInput> LineageInputs(Submission submission, ResultsDocument document)
    {
        var inputs = new List<LineageInput>();
        var source = document.Model.Path ?? submission.Resolve(submission.PredictionsPath ?? submission.DataPath);
        var role = document.Model.Mode == "onnx" ? "model" : "predictions";
        inputs.Add(new LineageInput(role, source, document.Model.Sha256 ?? Sha256Digest.OfFile(source), document.Model.Bytes ?? new FileInfo(source).Length, null, null, []));
        foreach (var dataset in document.Datasets)
        {
            var fields = DatasetReader.Describe(dataset.Path).Columns.Select(c => new LineageField(c.Name, c.Kind.ToString().ToUpperInvariant())).ToList();
            inputs.Add(new LineageInput(dataset.Role, dataset.Path, dataset.Sha256, dataset.Bytes, dataset.Rows, dataset.SchemaSha256, fields));
        }

        return inputs;
    }
}
