namespace ModelCert.Evidence;

/// <summary>
/// Base64 (RFC 4648 §4, padded) that accepts only the one canonical spelling of each byte string. Lenient decoders
/// ignore the unused bits of the last character, so two different texts decode alike; refusing that keeps every byte
/// of evidence significant: any change to the text is a change a verifier sees.
/// </summary>
internal static class StrictBase64
{
    public static byte[]? Decode(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var bytes = new byte[(text.Length / 4 * 3) + 3];
        if (!Convert.TryFromBase64String(text, bytes, out var length))
        {
            return null;
        }

        var decoded = bytes[..length];
        return Convert.ToBase64String(decoded) == text ? decoded : null;
    }
}
