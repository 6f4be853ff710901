using ModelCert.Evidence.Attestation;
using ModelCert.Evidence.Keys;

namespace ModelCert.Evidence.Pack;

/// <summary>The attestation's signature and statement, and the model against the statement's subject.</summary>
public static partial class PackVerifier
{
    private const string Attestation = PackFileNames.Attestation;

    private static (byte[] Bytes, InTotoStatement? Statement)? CheckAttestation(PackSource source, VerificationKey? key, string? modelPath, List<VerificationCheck> checks)
    {
        var bytes = source.ReadAll(Attestation, out var error);
        var envelope = bytes is null ? null : DsseEnvelope.Parse(bytes, out error);
        if (bytes is null || envelope is null)
        {
            checks.Add(VerificationCheck.Fail("attestation-signature", Attestation, error!));
            SkipModel(modelPath, checks, "the attestation cannot be read");
            return bytes is null ? null : (bytes, null);
        }

        if (key is null)
        {
            checks.Add(VerificationCheck.Skip("attestation-signature", Attestation, "no public key to check the signature with"));
        }
        else
        {
            checks.Add(envelope.Verify(key, out error)
                ? VerificationCheck.Pass("attestation-signature", Attestation, $"DSSE signature by key {key.Id} verifies")
                : VerificationCheck.Fail("attestation-signature", Attestation, error!));
        }

        if (envelope.PayloadType != InTotoStatement.PayloadType)
        {
            checks.Add(VerificationCheck.Fail("statement", Attestation, $"payloadType is '{envelope.PayloadType}', expected '{InTotoStatement.PayloadType}'"));
            SkipModel(modelPath, checks, "the attestation holds no in-toto statement");
            return (bytes, null);
        }

        var statement = InTotoStatement.Parse(envelope.Payload, out error);
        if (statement is null || statement.PredicateType != InTotoStatement.CertificationPredicateType)
        {
            checks.Add(VerificationCheck.Fail("statement", Attestation, error ?? $"predicateType is '{statement!.PredicateType}', expected '{InTotoStatement.CertificationPredicateType}'"));
            SkipModel(modelPath, checks, "the statement cannot be read");
            return (bytes, null);
        }

        checks.Add(VerificationCheck.Pass("statement", Attestation, $"in-toto statement about model '{statement.Model.Name}' (sha256 {statement.Model.Sha256}) and {statement.Subjects.Count - 1} datasets"));
        CheckModel(statement, modelPath, checks);
        return (bytes, statement);
    }

    private static void CheckModel(InTotoStatement statement, string? modelPath, List<VerificationCheck> checks)
    {
        if (modelPath is null)
        {
            checks.Add(VerificationCheck.Skip("model-digest", null, "no model file given (--model)"));
            return;
        }

        var digest = Sha256Digest.OfFile(modelPath);
        var subject = statement.Model;
        checks.Add(digest == subject.Sha256
            ? VerificationCheck.Pass("model-digest", modelPath, $"the model's sha256 {digest} is the statement's subject '{subject.Name}'")
            : VerificationCheck.Fail("model-digest", modelPath, $"the model has sha256 {digest}, but the statement is about '{subject.Name}' with sha256 {subject.Sha256}: this is not the certified model"));
    }

    private static void SkipModel(string? modelPath, List<VerificationCheck> checks, string why)
    {
        if (modelPath is not null)
        {
            checks.Add(VerificationCheck.Skip("model-digest", modelPath, $"not checked: {why}"));
        }
    }
}
