using System.Text.Json;

namespace ModelCert.Evidence.Json;

/// <summary>
/// Reads the evidence formats strictly: a member that is missing, of the wrong type, repeated, or not part of the
/// format is an error, so no byte of a document can change without a verifier noticing.
/// </summary>
internal static class StrictJson
{
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses <paramref name="json"/> and passes its root to <paramref name="read"/>; any problem becomes <paramref name="error"/>.</summary>
    public static T? Parse<T>(ReadOnlyMemory<byte> json, string what, Func<JsonElement, T> read, out string? error)
        where T : class
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            var result = read(document.RootElement);
            error = null;
            return result;
        }
        catch (JsonException ex)
        {
            error = $"{what} is not valid JSON: {ex.Message}";
        }
        catch (FormatException ex)
        {
            error = $"{what}: {ex.Message}";
        }
        catch (InvalidOperationException ex)
        {
            // JsonDocument checks a string's UTF-8 only when the string is read.
            error = $"{what} is not valid JSON text: {ex.Message}";
        }

        return null;
    }

    /// <summary>The members of an object used as a map (any names), without duplicates.</summary>
    public static Dictionary<string, JsonElement> Map(JsonElement element, string where) => Members(element, where, allowed: null);

    /// <summary>The members of an object, checked against the allowed names, without duplicates.</summary>
    public static Dictionary<string, JsonElement> Members(JsonElement element, string where, params string[]? allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{where} must be an object, not {element.ValueKind}");
        }

        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (allowed is not null && !allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new FormatException($"{where} has an unknown member '{property.Name}' (expected {string.Join(", ", allowed.Select(a => $"'{a}'"))})");
            }

            if (!members.TryAdd(property.Name, property.Value))
            {
                throw new FormatException($"{where} has the member '{property.Name}' twice");
            }
        }

        return members;
    }

    public static JsonElement Required(Dictionary<string, JsonElement> members, string name, string where) =>
        members.TryGetValue(name, out var value) ? value : throw new FormatException($"{where} lacks the member '{name}'");

    public static string String(Dictionary<string, JsonElement> members, string name, string where)
    {
        var value = Required(members, name, where);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FormatException($"{where}.{name} must be a string, not {value.ValueKind}");
    }

    public static string? OptionalString(Dictionary<string, JsonElement> members, string name, string where) =>
        members.ContainsKey(name) ? String(members, name, where) : null;

    public static long Integer(Dictionary<string, JsonElement> members, string name, string where)
    {
        var value = Required(members, name, where);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0
            ? number
            : throw new FormatException($"{where}.{name} must be a non-negative integer, not '{value.GetRawText()}'");
    }

    public static ulong Unsigned(Dictionary<string, JsonElement> members, string name, string where)
    {
        var value = Required(members, name, where);
        return value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number)
            ? number
            : throw new FormatException($"{where}.{name} must be an integer from 0 to 18446744073709551615, not '{value.GetRawText()}'");
    }

    public static JsonElement.ArrayEnumerator Array(Dictionary<string, JsonElement> members, string name, string where)
    {
        var value = Required(members, name, where);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw new FormatException($"{where}.{name} must be an array, not {value.ValueKind}");
    }

    public static byte[] Base64(string text, string where) =>
        StrictBase64.Decode(text) ?? throw new FormatException($"{where} is not canonical base64");

    public static string Sha256(string text, string where) =>
        Sha256Digest.IsValid(text) ? text : throw new FormatException($"{where} must be 64 lowercase hex digits, not '{text}'");

    public static void Constant(Dictionary<string, JsonElement> members, string name, string expected, string where)
    {
        var value = String(members, name, where);
        if (value != expected)
        {
            throw new FormatException($"{where}.{name} is '{value}', expected '{expected}'");
        }
    }
}
