using ModelCert.Core;

namespace ModelCert.Cli.Certify;

/// <summary>Reads a modelcert.yaml submission (the safe YAML reader and its diagnostics live with the policy parser).</summary>
internal static class SubmissionFile
{
    public static Submission Load(string path) =>
        throw new InputException($"submission file '{path}': reading modelcert.yaml is not available yet; pass the flags instead");
}
