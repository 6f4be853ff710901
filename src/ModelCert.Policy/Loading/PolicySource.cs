using System.Security.Cryptography;
using System.Text;

using ModelCert.Policy.Parsing;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Loading;

/// <summary>The bytes of one policy (file or pack), read under the size limit, with their SHA-256 and UTF-8 text.</summary>
internal sealed record PolicySource(string Key, string Origin, string? Directory, string Sha256, string Text)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file; a file that is too large or not UTF-8 is reported at its first line and gives null.</summary>
    public static PolicySource? FromFile(string fullPath, string origin, DiagnosticBag diagnostics)
    {
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > YamlLimits.MaxFileBytes)
            {
                diagnostics.Add(SourcePosition.FileStart, $"the policy file is {Format.Number(length)} bytes; the limit is {Format.Number(YamlLimits.MaxFileBytes)} (1 MiB)");
                return null;
            }

            return FromBytes(fullPath, origin, Path.GetDirectoryName(fullPath), File.ReadAllBytes(fullPath), diagnostics);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(SourcePosition.FileStart, $"the policy file cannot be read: {error.Message}");
            return null;
        }
    }

    public static PolicySource FromBuiltin(string name, byte[] bytes, DiagnosticBag diagnostics) =>
        FromBytes(PolicyFields.BuiltinPrefix + name, PolicyFields.BuiltinPrefix + name, null, bytes, diagnostics)
        ?? throw new InvalidOperationException($"Built-in pack '{name}' is not valid UTF-8.");

    private static PolicySource? FromBytes(string key, string origin, string? directory, byte[] bytes, DiagnosticBag diagnostics)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var body = bytes.AsSpan();
        if (body.StartsWith(Encoding.UTF8.Preamble))
        {
            body = body[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return new PolicySource(key, origin, directory, sha256, StrictUtf8.GetString(body));
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(SourcePosition.FileStart, "the policy file is not valid UTF-8 text");
            return null;
        }
    }
}
