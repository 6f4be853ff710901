using System.Globalization;
using System.Text.Json;
using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>
/// A check's details arrive as C# objects (dictionaries, lists, numbers, strings) straight from a check, or as
/// <see cref="JsonElement"/> after results.json was read back. Both are brought to one shape, the JSON the results
/// document would hold, so the report draws the same thing either way.
/// </summary>
internal static class DetailValues
{
    public static JsonElement ToJson(object? value) => value switch
    {
        JsonElement element => element,
        null => JsonSerializer.SerializeToElement<object?>(null, ResultsJson.Options),
        _ => JsonSerializer.SerializeToElement(value, value.GetType(), ResultsJson.Options),
    };

    /// <summary>The detail <paramref name="key"/> as JSON, or null when it is absent or null.</summary>
    public static JsonElement? Get(IReadOnlyDictionary<string, object?>? details, string key) =>
        details is not null && details.TryGetValue(key, out var value) && ToJson(value) is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } element
            ? element
            : null;

    /// <summary>A list of objects (e.g. a curve or slices), or null when the detail is not one.</summary>
    public static IReadOnlyList<JsonElement>? Objects(IReadOnlyDictionary<string, object?>? details, string key) =>
        Get(details, key) is { ValueKind: JsonValueKind.Array } array && array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object)
            ? [.. array.EnumerateArray()]
            : null;

    public static string? Text(IReadOnlyDictionary<string, object?>? details, string key) =>
        Get(details, key) is { } element ? Display(element) : null;

    /// <summary>A finite number field of an object, or null when it is absent, null, not a number, NaN or infinite.</summary>
    public static double? Number(JsonElement item, string name)
    {
        if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(name, out var value))
        {
            return null;
        }

        double? number = value.ValueKind == JsonValueKind.Number ? value.GetDouble()
            : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;
        return number is { } n && double.IsFinite(n) ? n : null;
    }

    /// <summary>A field of an object as display text, or empty.</summary>
    public static string Field(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) ? Display(value) : string.Empty;

    /// <summary>Plain text for a JSON value: numbers invariant, lists joined, objects as <c>key: value</c> pairs.</summary>
    public static string Display(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => Html.Number(value.GetDouble()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Display)),
        JsonValueKind.Object => string.Join("; ", value.EnumerateObject().Select(p => p.Name + ": " + Display(p.Value))),
        _ => string.Empty,
    };
}
