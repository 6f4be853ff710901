using System.Security.Cryptography;

using ModelCert.Policy.Parsing;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Loading;

/// <summary>The bytes of one policy (file or pack), read under the size limit, with their SHA-256 and UTF-8 text.</summary>
internal sealed record PolicySource(string Key, string Origin, string? Directory, string Sha256, string Text)
{
    /// <summary>Reads a file; a file that is too large or not UTF-8 is reported at its first line and gives null.</summary>
    public static PolicySource? FromFile(string fullPath, string origin, DiagnosticBag diagnostics) =>
        YamlFile.ReadBytes(fullPath, DocumentKind.Policy, diagnostics) is { } bytes
            ? FromBytes(fullPath, origin, Path.GetDirectoryName(fullPath), bytes, diagnostics)
            : null;

    public static PolicySource FromBuiltin(string name, byte[] bytes, DiagnosticBag diagnostics) =>
        FromBytes(PolicyFields.BuiltinPrefix + name, PolicyFields.BuiltinPrefix + name, null, bytes, diagnostics)
        ?? throw new InvalidOperationException($"Built-in pack '{name}' is not valid UTF-8.");

    private static PolicySource? FromBytes(string key, string origin, string? directory, byte[] bytes, DiagnosticBag diagnostics)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return YamlFile.Decode(bytes, DocumentKind.Policy, diagnostics) is { } text
            ? new PolicySource(key, origin, directory, sha256, text)
            : null;
    }
}
