using System.Text.Json;

using ModelCert.Core.Checks;
using ModelCert.Policy.Parsing;
using ModelCert.Tests;

using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>Keeps schemas/policy.schema.json in step with the parser (PolicyFields) and the check catalog.</summary>
public sealed class SchemaTests
{
    private static readonly string SchemaPath = Path.Combine(SharedData.RepositoryRoot, "schemas", "policy.schema.json");

    private static readonly Lazy<JsonElement> Schema = new(() => JsonDocument.Parse(File.ReadAllText(SchemaPath)).RootElement);

    private static JsonElement Definition(string name) => Schema.Value.GetProperty("$defs").GetProperty(name);

    private static string[] Properties(JsonElement element) => [.. element.GetProperty("properties").EnumerateObject().Select(p => p.Name)];

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
            SameSet(PolicyFields.Root, Properties(Schema.Value), "policy");
            SameSet(PolicyFields.Metadata, Properties(Definition("metadata")), "metadata");
            SameSet(PolicyFields.Scope, Properties(Definition("scope")), "scope");
            SameSet(PolicyFields.Defaults, Properties(Definition("defaults")), "defaults");
            SameSet(PolicyFields.Requirement, Properties(Definition("requirement")), "requirement");
            SameSet(PolicyFields.Threshold, Properties(Definition("threshold")), "threshold");
            SameSet(PolicyFields.Parameters, Properties(Definition("params")), "params");
        }

        [Fact]
        public void Should_forbid_additional_properties_on_every_object()
        {
            // Given every schema object with properties / When additionalProperties is read / Then it is false
            JsonElement[] objects = [Schema.Value, .. new[] { "metadata", "scope", "defaults", "requirement", "threshold", "params" }.Select(Definition)];
            Assert.All(objects, o => Assert.False(o.GetProperty("additionalProperties").GetBoolean(), "additionalProperties must be false"));
        }

        [Fact]
        public void Should_list_the_same_choices_as_the_parser()
        {
            // Given the enumerations / When compared / Then they match the parser's
            SameSet(PolicyFields.FailActions, Strings(Definition("onFail").GetProperty("enum")), "on_fail");
            SameSet(PolicyFields.UncertainActions, Strings(Definition("onUncertain").GetProperty("enum")), "on_uncertain");
            SameSet(PolicyFields.Tasks, Strings(Definition("scope").GetProperty("properties").GetProperty("tasks").GetProperty("items").GetProperty("enum")), "tasks");
            SameSet(PolicyFields.RiskTiers, Strings(Definition("scope").GetProperty("properties").GetProperty("risk_tiers").GetProperty("items").GetProperty("enum")), "risk_tiers");
            Assert.Equal(PolicyFields.ApiVersion, Schema.Value.GetProperty("properties").GetProperty("apiVersion").GetProperty("const").GetString());
            Assert.Equal(PolicyFields.Kind, Schema.Value.GetProperty("properties").GetProperty("kind").GetProperty("const").GetString());
        }

        [Fact]
        public void Should_resolve_every_reference()
        {
            // Given every $ref in the schema / When looked up under $defs / Then each exists
            var refs = new List<string>();
            Collect(Schema.Value, refs);
            Assert.NotEmpty(refs);
            Assert.All(refs, r => Assert.True(r.StartsWith("#/$defs/", StringComparison.Ordinal) && Schema.Value.GetProperty("$defs").TryGetProperty(r["#/$defs/".Length..], out _), $"dangling $ref {r}"));
        }

        [Fact]
        public void Should_be_embedded_as_shipped()
        {
            // Given the file and the embedded resource / When compared / Then they are the same document
            Assert.Equal(File.ReadAllText(SchemaPath), PolicySchema.ReadText());
        }

        private static void Collect(JsonElement element, List<string> refs)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref")
                    {
                        refs.Add(property.Value.GetString()!);
                    }

                    Collect(property.Value, refs);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, refs);
                }
            }
        }
    }

    public sealed class Checks
    {
        [Fact]
        public void Should_enumerate_exactly_the_catalog_check_ids()
        {
            // Given the catalog / When compared with the schema's enum / Then every id is there and nothing else
            SameSet(CheckCatalog.All.Select(c => c.Id), Strings(Definition("checkId").GetProperty("enum")), "check ids");
        }

        [Fact]
        public void Should_allow_each_check_exactly_its_parameters()
        {
            // Given the per-check rules (if check in [...] then params limited to [...])
            var allowed = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var rule in Definition("requirement").GetProperty("allOf").EnumerateArray())
            {
                var ids = Strings(rule.GetProperty("if").GetProperty("properties").GetProperty("check").GetProperty("enum"));
                var parameters = rule.GetProperty("then").GetProperty("properties").GetProperty("params");
                var names = parameters.TryGetProperty("propertyNames", out var listed) ? Strings(listed.GetProperty("enum")) : [];
                Assert.True(names.Length > 0 || parameters.GetProperty("maxProperties").GetInt32() == 0, "a rule must list names or forbid all");
                foreach (var id in ids)
                {
                    Assert.True(allowed.TryAdd(id, names), $"{id} has two parameter rules");
                }
            }

            // When compared with the catalog / Then each check has a rule with the same parameters
            Assert.All(CheckCatalog.All, check =>
            {
                Assert.True(allowed.TryGetValue(check.Id, out var names), $"{check.Id} has no parameter rule in the schema");
                SameSet(check.Parameters, names, check.Id);
            });
        }

        [Fact]
        public void Should_know_how_to_parse_every_catalog_parameter()
        {
            // Given every parameter any check takes / When compared with the parser's list / Then none is unknown to it
            var unknown = CheckCatalog.All.SelectMany(c => c.Parameters).Distinct().Except(PolicyFields.Parameters).ToArray();
            Assert.True(unknown.Length == 0, $"the parser cannot read: {string.Join(", ", unknown)}");
        }
    }
}
