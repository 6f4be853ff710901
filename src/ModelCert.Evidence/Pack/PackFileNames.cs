namespace ModelCert.Evidence.Pack;

/// <summary>The files every pack has, by the names verifiers and auditors look for.</summary>
public static class PackFileNames
{
    /// <summary>The list of every other file with its SHA-256 and size, plus how the pack was made.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>The DSSE envelope of the in-toto statement.</summary>
    public const string Attestation = "attestation.dsse.json";

    /// <summary>The log entry of this pack, its inclusion proof and the signed checkpoint it is proved against.</summary>
    public const string LogProof = "log-proof.json";

    /// <summary>The public key of the signer.</summary>
    public const string PublicKey = "public.pem";

    /// <summary>The files the pack builder writes itself; callers cannot supply them.</summary>
    public static readonly IReadOnlyList<string> Reserved = [Manifest, Attestation, LogProof, PublicKey];

    /// <summary>
    /// Why <paramref name="path"/> cannot name a file inside a pack, or null when it can: relative, '/'-separated,
    /// no empty, '.' or '..' segment, no backslash, colon or control character.
    /// </summary>
    public static string? CheckRelativePath(string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.EndsWith('/'))
        {
            return $"'{path}' is not a relative file path";
        }

        if (path.Any(c => c < ' ' || c is '\\' or ':'))
        {
            return $"'{path}' holds a backslash, colon or control character";
        }

        return path.Split('/').Any(segment => segment is "" or "." or "..") ? $"'{path}' has an empty, '.' or '..' segment" : null;
    }
}
