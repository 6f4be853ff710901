using System.Text;

using ModelCert.Policy.Parsing;

namespace ModelCert.Policy.Yaml;

/// <summary>
/// Reads a YAML file's bytes under <see cref="YamlLimits.MaxFileBytes"/> and decodes them as strict UTF-8 (a byte-order
/// mark is allowed). Each failure is reported at the file's start and gives null.
/// </summary>
internal static class YamlFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[]? ReadBytes(string fullPath, DocumentKind kind, DiagnosticBag diagnostics)
    {
        try
        {
            var length = new FileInfo(fullPath).Length;
            if (length > YamlLimits.MaxFileBytes)
            {
                diagnostics.Add(SourcePosition.FileStart, $"the {kind.Singular} file is {Format.Number(length)} bytes; the limit is {Format.Number(YamlLimits.MaxFileBytes)} (1 MiB)");
                return null;
            }

            return File.ReadAllBytes(fullPath);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(SourcePosition.FileStart, $"the {kind.Singular} file cannot be read: {error.Message}");
            return null;
        }
    }

    public static string? Decode(ReadOnlySpan<byte> bytes, DocumentKind kind, DiagnosticBag diagnostics)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Add(SourcePosition.FileStart, $"the {kind.Singular} file is not valid UTF-8 text");
            return null;
        }
    }
}
