using System.Text.Json;
using System.Text.Json.Serialization;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Results;

/// <summary>The one JSON form of results: snake_case names, group names kept as written, nulls kept (they mean "undefined").</summary>
public static class ResultsJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(ResultsDocument document) => JsonSerializer.Serialize(document, Options);

    public static ResultsDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<ResultsDocument>(json, Options) ?? throw new JsonException("results.json is empty");

    public static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Certified => "certified",
        Verdict.Conditional => "conditional",
        Verdict.NeedsReview => "needs_review",
        Verdict.Rejected => "rejected",
        _ => "error",
    };

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
