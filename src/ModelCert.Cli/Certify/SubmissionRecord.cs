using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelCert.Core;
using ModelCert.Core.Evaluation;

namespace ModelCert.Cli.Certify;

/// <summary>
/// The submission as recorded in a pack's lineage.json (the <c>modelcert_submission</c> run facet): every field that
/// decides what is measured, with paths made absolute, so <c>certify --reproduce</c> can run the same certification
/// again. Reading it back treats the pack as untrusted: a missing or mistyped field is an error naming it.
/// </summary>
internal static class SubmissionRecord
{
    public static JsonObject ToJson(Submission s) => new()
    {
        ["model"] = Path(s, s.ModelPath),
        ["model_name"] = s.ModelName,
        ["model_version"] = s.ModelVersion,
        ["task"] = s.Task,
        ["data"] = Path(s, s.DataPath),
        ["train"] = Path(s, s.TrainPath),
        ["shifted"] = Path(s, s.ShiftedPath),
        ["predictions"] = Path(s, s.PredictionsPath),
        ["id_column"] = s.IdColumn,
        ["score_column"] = s.ScoreColumn,
        ["label"] = s.LabelColumn,
        ["positive"] = s.PositiveValue,
        ["favourable"] = s.Favourable,
        ["protected"] = Strings(s.Protected),
        ["intersections"] = s.Intersections,
        ["proxies"] = Strings(s.Proxies),
        ["features"] = s.Features is null ? null : Strings(s.Features),
        ["input_map"] = Map(s.InputMap),
        ["positive_index"] = s.PositiveIndex,
        ["threshold"] = s.Threshold,
        ["policies"] = Strings(s.Policies.Select(p => p.StartsWith("builtin:", StringComparison.Ordinal) ? p : s.Resolve(p))),
        ["profile"] = s.Profile,
        ["privileged"] = Map(s.Privileged),
        ["replicates"] = s.Replicates,
        ["confidence"] = s.Confidence,
        ["seed"] = s.Seed,
        ["risk_tier"] = s.RiskTier,
        ["jurisdiction"] = s.Jurisdiction,
        ["provenance"] = new JsonObject
        {
            ["source"] = s.Provenance.Source,
            ["collection_period"] = s.Provenance.CollectionPeriod,
            ["legal_basis"] = s.Provenance.LegalBasis,
            ["consent_column"] = s.Provenance.ConsentColumn,
            ["retention_until"] = s.Provenance.RetentionUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        },
        ["card"] = new JsonObject
        {
            ["intended_use"] = s.Card.IntendedUse,
            ["out_of_scope_uses"] = s.Card.OutOfScopeUses,
            ["owner"] = s.Card.Owner,
            ["contact"] = s.Card.Contact,
            ["limitations"] = s.Card.Limitations,
            ["ethical_considerations"] = s.Card.EthicalConsiderations,
            ["training_data"] = s.Card.TrainingData,
            ["evaluation_data"] = s.Card.EvaluationData,
        },
    };

    /// <summary>The submission recorded in <paramref name="json"/>; <paramref name="origin"/> names the file in errors.</summary>
    /// <exception cref="InputException">A field is missing or has the wrong type.</exception>
    public static Submission FromJson(JsonObject json, string origin, string outputDirectory)
    {
        var r = new Reader(json, origin);
        var provenance = r.Object("provenance");
        var card = r.Object("card");
        var retention = provenance.Text("retention_until");
        return new Submission
        {
            ModelPath = r.Text("model"),
            ModelName = r.Text("model_name"),
            ModelVersion = r.Text("model_version"),
            Task = r.Text("task"),
            DataPath = r.Text("data") ?? throw r.Problem("data", "the test data path"),
            TrainPath = r.Text("train"),
            ShiftedPath = r.Text("shifted"),
            PredictionsPath = r.Text("predictions"),
            IdColumn = r.Text("id_column"),
            ScoreColumn = r.Text("score_column"),
            LabelColumn = r.Text("label"),
            PositiveValue = r.Text("positive"),

            // Packs written before the field existed measured the positive class as favourable.
            Favourable = r.Text("favourable") ?? "positive",
            Protected = r.Strings("protected") ?? [],
            Intersections = r.Value<bool>("intersections"),
            Proxies = r.Strings("proxies") ?? [],
            Features = r.Strings("features"),
            InputMap = r.Map("input_map"),
            PositiveIndex = r.Value<int>("positive_index"),
            Threshold = r.Value<double>("threshold"),
            Policies = r.Strings("policies") ?? [],
            Profile = r.Text("profile") ?? throw r.Problem("profile", "a definition profile"),
            Privileged = r.Map("privileged"),
            Replicates = r.Value<int>("replicates"),
            Confidence = r.Value<double>("confidence"),
            Seed = r.Value<ulong>("seed"),
            RiskTier = r.Text("risk_tier"),
            Jurisdiction = r.Text("jurisdiction"),
            Provenance = new DataProvenance(
                provenance.Text("source"), provenance.Text("collection_period"), provenance.Text("legal_basis"), provenance.Text("consent_column"),
                retention is null ? null : DateOnly.TryParseExact(retention, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw provenance.Problem("retention_until", "a date like 2030-12-31")),
            Card = new ModelCardFields(
                card.Text("intended_use"), card.Text("out_of_scope_uses"), card.Text("owner"), card.Text("contact"),
                card.Text("limitations"), card.Text("ethical_considerations"), card.Text("training_data"), card.Text("evaluation_data")),
            OutputDirectory = outputDirectory,
            Format = "table",
        };
    }

    private static string? Path(Submission s, string? path) => path is null ? null : s.Resolve(path);

    private static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);

    private static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    /// <summary>Typed reads of one JSON object, each failure an <see cref="InputException"/> naming the field.</summary>
    private sealed class Reader(JsonObject json, string where)
    {
        public InputException Problem(string name, string expected) =>
            new($"{where}: field '{name}' of the recorded submission must be {expected}; found {json[name]?.ToJsonString() ?? "nothing"}");

        public string? Text(string name) => json[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw Problem(name, "a string or null"),
        };

        public T Value<T>(string name)
        {
            try
            {
                return json[name] is JsonValue value ? value.GetValue<T>() : throw Problem(name, $"a {typeof(T).Name}");
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw Problem(name, $"a {typeof(T).Name}");
            }
        }

        public IReadOnlyList<string>? Strings(string name) => json[name] switch
        {
            null => null,
            JsonArray array when array.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String) => [.. array.Select(i => i!.GetValue<string>())],
            _ => throw Problem(name, "a list of strings"),
        };

        public Dictionary<string, string> Map(string name) => json[name] switch
        {
            null => new Dictionary<string, string>(StringComparer.Ordinal),
            JsonObject map when map.All(p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String) =>
                map.ToDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal),
            _ => throw Problem(name, "an object of strings"),
        };

        public Reader Object(string name) => json[name] switch
        {
            JsonObject inner => new Reader(inner, $"{where} ({name})"),
            _ => throw Problem(name, "an object"),
        };
    }
}
