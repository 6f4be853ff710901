using System.Text.Json;

using ModelCert.Policy.Submissions;
using ModelCert.Tests;

using Xunit;

namespace ModelCert.Policy.Tests.Submissions;

/// <summary>Keeps schemas/submission.schema.json in step with the parser (SubmissionFields).</summary>
public sealed class SubmissionSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(SharedData.RepositoryRoot, "schemas", "submission.schema.json");

    private static readonly Lazy<JsonElement> Schema = new(() => JsonDocument.Parse(File.ReadAllText(SchemaPath)).RootElement);

    private static readonly Dictionary<string, IReadOnlyList<string>> Sections = new(StringComparer.Ordinal)
    {
        ["model"] = SubmissionFields.Model,
        ["predictions"] = SubmissionFields.Predictions,
        ["data"] = SubmissionFields.Data,
        ["protected"] = SubmissionFields.Protected,
        ["evaluation"] = SubmissionFields.Evaluation,
        ["context"] = SubmissionFields.Context,
        ["output"] = SubmissionFields.Output,
        ["provenance"] = SubmissionFields.Provenance,
        ["card"] = SubmissionFields.Card,
    };

    private static JsonElement Definition(string name) => Schema.Value.GetProperty("$defs").GetProperty(name);

    private static JsonElement Property(string section, string name) => Definition(section).GetProperty("properties").GetProperty(name);

    private static string[] Names(JsonElement element) => [.. element.GetProperty("properties").EnumerateObject().Select(p => p.Name)];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static void SameSet(IEnumerable<string> expected, IEnumerable<string> actual, string what)
    {
        var missing = expected.Except(actual).ToArray();
        var extra = actual.Except(expected).ToArray();
        Assert.True(missing.Length == 0 && extra.Length == 0, $"{what}: missing from the schema [{string.Join(", ", missing)}], only in the schema [{string.Join(", ", extra)}]");
    }

    public sealed class Fields
    {
        [Fact]
        public void Should_describe_exactly_the_fields_the_parser_accepts()
        {
            // Given the schema and the parser's field lists / When each level is compared / Then they are the same
            SameSet(SubmissionFields.Root, Names(Schema.Value), "submission");
            SameSet(Sections.Keys, Schema.Value.GetProperty("$defs").EnumerateObject().Select(p => p.Name), "sections");
            Assert.All(Sections, section => SameSet(section.Value, Names(Definition(section.Key)), section.Key));
        }

        [Fact]
        public void Should_forbid_additional_properties_on_every_object()
        {
            // Given the root and every section / When additionalProperties is read / Then it is false
            JsonElement[] objects = [Schema.Value, .. Sections.Keys.Select(Definition)];
            Assert.All(objects, o => Assert.False(o.GetProperty("additionalProperties").GetBoolean(), "additionalProperties must be false"));
        }

        [Fact]
        public void Should_require_what_the_parser_requires()
        {
            // Given the required lists / When compared / Then the file needs its header and data.test, nothing more
            SameSet(["apiVersion", "kind", "data"], Strings(Schema.Value.GetProperty("required")), "required at the root");
            SameSet(["test"], Strings(Definition("data").GetProperty("required")), "required in data");
            Assert.Equal(["id_column"], Strings(Definition("predictions").GetProperty("dependentRequired").GetProperty("file")));
        }

        [Fact]
        public void Should_list_the_same_choices_and_ranges_as_the_parser()
        {
            // Given the enumerations and bounds / When compared / Then they match the parser's
            SameSet(SubmissionFields.Tasks, Strings(Property("model", "task").GetProperty("enum")), "task");
            SameSet(SubmissionFields.Profiles, Strings(Property("evaluation", "profile").GetProperty("enum")), "profile");
            SameSet(SubmissionFields.RiskTiers, Strings(Property("context", "risk_tier").GetProperty("enum")), "risk_tier");
            SameSet(SubmissionFields.Formats, Strings(Property("output", "format").GetProperty("enum")), "format");
            SameSet(SubmissionFields.Favourables, Strings(Property("data", "favourable").GetProperty("enum")), "favourable");
            Assert.Equal(SubmissionFields.MaxReplicates, Property("evaluation", "replicates").GetProperty("maximum").GetInt32());
            Assert.Equal(ulong.MaxValue, Property("evaluation", "seed").GetProperty("maximum").GetUInt64());
            Assert.Equal(Parsing.PolicyFields.ApiVersion, Schema.Value.GetProperty("properties").GetProperty("apiVersion").GetProperty("const").GetString());
            Assert.Equal(SubmissionFields.Kind, Schema.Value.GetProperty("properties").GetProperty("kind").GetProperty("const").GetString());
        }

        [Fact]
        public void Should_resolve_every_reference_and_be_embedded_as_shipped()
        {
            // Given every $ref / When looked up / Then each names a section; and the embedded copy is the file
            var refs = Schema.Value.GetProperty("properties").EnumerateObject()
                .Where(p => p.Value.TryGetProperty("$ref", out _))
                .Select(p => p.Value.GetProperty("$ref").GetString()!)
                .ToArray();
            SameSet(Sections.Keys.Select(k => "#/$defs/" + k), refs, "references");
            Assert.Equal(File.ReadAllText(SchemaPath), SubmissionSchema.ReadText());
        }
    }
}
