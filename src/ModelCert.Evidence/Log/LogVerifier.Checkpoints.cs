using System.Text;

using ModelCert.Core;
using ModelCert.Evidence.Keys;

namespace ModelCert.Evidence.Log;

/// <summary>Reading and opening the checkpoints a log is verified against.</summary>
public static partial class LogVerifier
{
    /// <summary>
    /// A signed checkpoint kept elsewhere, for <see cref="Verify"/>: a checkpoint note file, or a pack's
    /// log-proof.json (whose checkpoint is used), with its path as the source.
    /// </summary>
    /// <exception cref="InputException">The file is missing, or is a log-proof.json that cannot be read.</exception>
    public static (string Source, string Note) ReadCheckpoint(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"checkpoint file '{path}' does not exist");
        }

        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0 || bytes[0] != (byte)'{')
        {
            return (path, Encoding.UTF8.GetString(bytes));
        }

        var proof = Pack.LogProof.Parse(bytes, out var error) ?? throw new InputException($"'{path}' is neither a checkpoint note nor a log-proof.json: {error}");
        return (path, proof.Checkpoint);
    }

    private static Checkpoint? Open(string source, string note, VerificationKey key, List<VerificationCheck> checks)
    {
        var checkpoint = Checkpoint.Open(note, key, out var error);
        checks.Add(checkpoint is null
            ? VerificationCheck.Fail("checkpoint-signature", source, error!)
            : VerificationCheck.Pass("checkpoint-signature", source, $"tree size {checkpoint.TreeSize}, signed by key {key.Id} as '{checkpoint.Origin}'"));
        return checkpoint;
    }
}
