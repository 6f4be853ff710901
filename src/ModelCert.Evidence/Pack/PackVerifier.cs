using ModelCert.Core;
using ModelCert.Evidence.Keys;

namespace ModelCert.Evidence.Pack;

/// <summary>
/// Verifies an evidence pack offline: every file against the manifest (and no file the manifest does not list), the
/// attestation's signature, the model against the statement's subject when a model file is given, the log entry's
/// inclusion proof against the signed checkpoint, and that the logged entry records this manifest. Every check is
/// reported, and each failure names the file it is about.
/// </summary>
public static partial class PackVerifier
{
    /// <summary>Verifies the pack folder or zip at <paramref name="pack"/>.</summary>
    /// <param name="pack">A pack folder or a .zip of one.</param>
    /// <param name="key">The signer's public key; without it the pack's own public.pem is used, which proves the pack is intact but not who made it.</param>
    /// <param name="modelPath">The model file the statement must be about, or null to skip that check.</param>
    /// <param name="logKey">The key of the log's checkpoints, when not the signer's key.</param>
    /// <exception cref="InputException">There is no pack at <paramref name="pack"/>, or the model file does not exist.</exception>
    public static VerificationReport Verify(string pack, VerificationKey? key = null, string? modelPath = null, VerificationKey? logKey = null)
    {
        if (modelPath is not null && !File.Exists(modelPath))
        {
            throw new InputException($"model file '{modelPath}' does not exist");
        }

        using var source = PackSource.Open(pack);
        var checks = new List<VerificationCheck>(source.Problems);
        var manifestBytes = CheckFiles(source, checks);
        using var packKey = CheckPublicKey(source, key, checks);
        var signer = key ?? packKey;
        var attestation = CheckAttestation(source, signer, modelPath, checks);
        CheckLog(source, logKey ?? signer, manifestBytes, attestation, checks);
        return new VerificationReport(checks);
    }

    /// <summary>Checks the manifest and every file; returns the manifest's bytes when it could be read.</summary>
    private static byte[]? CheckFiles(PackSource source, List<VerificationCheck> checks)
    {
        var bytes = source.ReadAll(PackFileNames.Manifest, out var error);
        var manifest = bytes is null ? null : PackManifest.Parse(bytes, out error);
        if (manifest is null)
        {
            checks.Add(VerificationCheck.Fail("manifest", PackFileNames.Manifest, error!));
            return bytes;
        }

        checks.Add(VerificationCheck.Pass("manifest", PackFileNames.Manifest, $"{manifest.Files.Count} files listed, made {manifest.CreatedAt:u} by modelcert {manifest.Metadata.ToolVersion}"));
        foreach (var file in manifest.Files)
        {
            checks.Add(CheckFile(source, file));
        }

        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var path in source.Files.Where(p => p is not PackFileNames.Manifest and not PackFileNames.LogProof && !listed.Contains(p)))
        {
            checks.Add(VerificationCheck.Fail("unlisted-file", path, $"{path} is in the pack but not in {PackFileNames.Manifest}: it was added after the pack was made"));
        }

        return bytes;
    }

    private static VerificationCheck CheckFile(PackSource source, ManifestFile file)
    {
        if (!source.Contains(file.Path))
        {
            return VerificationCheck.Fail("missing-file", file.Path, $"{file.Path} is listed in {PackFileNames.Manifest} but missing from the pack");
        }

        try
        {
            using var stream = source.OpenRead(file.Path);
            var (sha256, size) = Sha256Digest.Of(stream);
            if (size != file.Size)
            {
                return VerificationCheck.Fail("file-hash", file.Path, $"{file.Path} has {size} bytes, the manifest lists {file.Size}: it was changed");
            }

            return sha256 == file.Sha256
                ? VerificationCheck.Pass("file-hash", file.Path, $"sha256 {sha256}, {size} bytes")
                : VerificationCheck.Fail("file-hash", file.Path, $"{file.Path} has sha256 {sha256}, the manifest lists {file.Sha256}: it was changed");
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return VerificationCheck.Fail("file-hash", file.Path, $"{file.Path} cannot be read: {ex.Message}");
        }
    }

    /// <summary>Reports which key signs, and loads the pack's own public.pem (the caller disposes it).</summary>
    private static VerificationKey? CheckPublicKey(PackSource source, VerificationKey? key, List<VerificationCheck> checks)
    {
        var pem = source.ReadAll(PackFileNames.PublicKey, out var error);
        VerificationKey? packKey = null;
        if (pem is not null)
        {
            try
            {
                packKey = VerificationKey.FromPem(System.Text.Encoding.ASCII.GetString(pem), PackFileNames.PublicKey);
            }
            catch (InputException ex)
            {
                error = ex.Message;
            }
        }

        if (key is not null)
        {
            var same = packKey is not null && packKey.Id == key.Id ? "the same key as the pack's public.pem" : "not the pack's public.pem, which is not trusted";
            checks.Add(VerificationCheck.Pass("public-key", key.Origin, $"verifying with the given key {key.Id} ({same})"));
        }
        else if (packKey is null)
        {
            checks.Add(VerificationCheck.Fail("public-key", PackFileNames.PublicKey, $"{error}; without a key no signature can be checked (pass --key)"));
        }
        else
        {
            checks.Add(VerificationCheck.Pass("public-key", PackFileNames.PublicKey, $"verifying with the pack's own key {packKey.Id}: this shows the pack is intact, not who made it; pass --key with the signer's public key for that"));
        }

        return packKey;
    }
}
