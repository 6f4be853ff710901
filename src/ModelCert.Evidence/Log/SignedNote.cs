using System.Text;

using ModelCert.Evidence.Keys;

namespace ModelCert.Evidence.Log;

/// <summary>
/// Text signed in the signed-note format (c2sp.org/signed-note): the text, which ends in a newline, then a blank
/// line, then one line per signature: em dash (U+2014), space, key name, space, base64(4-byte key ID || signature),
/// newline. Our signatures are signature type 0x02: ECDSA P-256 with SHA-256 over the UTF-8 text (including its final
/// newline, excluding the blank line), DER-encoded; the key ID is the first 4 bytes of SHA-256 of the key's DER
/// SubjectPublicKeyInfo.
/// </summary>
public static class SignedNote
{
    /// <summary>The em dash that starts a signature line.</summary>
    public const string SignaturePrefix = "\u2014 ";

    /// <summary>The most signature lines we read; the format asks verifiers to accept at least 16.</summary>
    public const int MaxSignatures = 100;

    /// <summary>Signs <paramref name="text"/> with <paramref name="key"/> under <paramref name="keyName"/>.</summary>
    /// <exception cref="ArgumentException">The text or key name breaks the format.</exception>
    public static string Sign(string text, string keyName, SigningKey key)
    {
        var problem = CheckText(text) ?? CheckKeyName(keyName);
        if (problem is not null)
        {
            throw new ArgumentException(problem);
        }

        var signature = key.Sign(Encoding.UTF8.GetBytes(text));
        return $"{text}\n{SignaturePrefix}{keyName} {Convert.ToBase64String([.. key.PublicKey.NoteKeyId, .. signature])}\n";
    }

    /// <summary>
    /// Opens a note: the text when a signature by <paramref name="key"/> under <paramref name="keyName"/> verifies.
    /// Signatures by other keys are ignored; a failing signature by this key rejects the note, as the format asks.
    /// </summary>
    /// <returns>The text, or null with <paramref name="error"/> saying why the note was rejected.</returns>
    public static string? Open(string note, string keyName, VerificationKey key, out string? error)
    {
        var parsed = Parse(note, out error);
        if (parsed is null)
        {
            return null;
        }

        var data = Encoding.UTF8.GetBytes(parsed.Value.Text);
        var matching = parsed.Value.Signatures.Where(s => s.KeyName == keyName && s.KeyId.AsSpan().SequenceEqual(key.NoteKeyId)).ToList();
        if (matching.Count == 0)
        {
            var names = string.Join(", ", parsed.Value.Signatures.Select(s => $"{s.KeyName} (key ID {Convert.ToHexStringLower(s.KeyId)})"));
            error = $"no signature by key {key.Id} named '{keyName}' (key ID {Convert.ToHexStringLower(key.NoteKeyId)}); the note is signed by {names}";
            return null;
        }

        if (matching.Any(s => !key.Verify(data, s.Signature)))
        {
            error = $"the signature by key {key.Id} named '{keyName}' does not verify: the note text was changed or the signature is not this key's";
            return null;
        }

        error = null;
        return parsed.Value.Text;
    }

    /// <summary>Splits a note into its text and signature lines, checking the format but no signature.</summary>
    public static (string Text, IReadOnlyList<NoteSignature> Signatures)? Parse(string note, out string? error)
    {
        ArgumentNullException.ThrowIfNull(note);
        error = CheckCharacters(note);
        if (error is not null)
        {
            return null;
        }

        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n'))
        {
            error = "not a signed note: expected the text, a blank line, then signature lines, each ending in a newline";
            return null;
        }

        var text = note[..(split + 1)];
        var lines = note[(split + 2)..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            error = $"the note has {lines.Length} signature lines, more than the {MaxSignatures} we read";
            return null;
        }

        var signatures = new List<NoteSignature>();
        foreach (var line in lines)
        {
            var signature = ParseSignatureLine(line, out error);
            if (signature is null)
            {
                return null;
            }

            signatures.Add(signature);
        }

        return (text, signatures);
    }

    private static NoteSignature? ParseSignatureLine(string line, out string? error)
    {
        error = $"malformed signature line '{line}': expected '{SignaturePrefix}<key name> <base64 signature>'";
        if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line[SignaturePrefix.Length..].Split(' ');
        if (parts.Length != 2 || CheckKeyName(parts[0]) is not null)
        {
            return null;
        }

        if (StrictBase64.Decode(parts[1]) is not { Length: > 4 } bytes)
        {
            return null;
        }

        error = null;
        return new NoteSignature(parts[0], bytes[..4], bytes[4..]);
    }

    private static string? CheckText(string text)
    {
        if (text.Length == 0 || !text.EndsWith('\n'))
        {
            return "a note's text must be non-empty and end with a newline";
        }

        return CheckCharacters(text);
    }

    private static string? CheckCharacters(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' && c != '\n')
            {
                return $"a note may hold no control character other than newline (found U+{(int)c:X4})";
            }
        }

        return null;
    }

    private static string? CheckKeyName(string name) =>
        name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '+')
            ? $"a note key name must be non-empty, without spaces or '+' (got '{name}')"
            : null;
}

/// <summary>One signature line of a signed note: the key name, the 4-byte key ID and the signature bytes.</summary>
public sealed record NoteSignature(string KeyName, byte[] KeyId, byte[] Signature);
