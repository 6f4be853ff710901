using System.Text.Json;
using System.Text.Json.Nodes;

using ModelCert.Evidence.Lineage;
using ModelCert.Evidence.Tests.Support;

using Xunit;

namespace ModelCert.Evidence.Tests.Lineage;

public sealed class OpenLineageEventTests
{
    private static readonly LineageInput[] Inputs =
    [
        new("model", "/m/loan.onnx", new string('a', 64), 919, null, null, []),
        new("test", "/d/loans.csv", new string('b', 64), 100, 50, new string('c', 64), [new LineageField("sex", "STRING"), new LineageField("y", "INT64")]),
    ];

    private static LineageRun Run() => new(
        OpenLineageEvent.RunId(FixedTime.Default, 7, Inputs.Select(i => i.Sha256)),
        FixedTime.Default.AddSeconds(-5),
        FixedTime.Default,
        "0.1.0",
        "certify/loan",
        new JsonObject { ["seed"] = 7, ["data"] = "/d/loans.csv" });

    public sealed class Write
    {
        [Fact]
        public void Should_write_a_complete_run_event_with_standard_and_custom_facets()
        {
            // Given a run with a model and a dataset / When written
            using var json = JsonDocument.Parse(OpenLineageEvent.Write(Run(), Inputs, "/out/pack"));
            var root = json.RootElement;

            // Then it is a COMPLETE RunEvent, inputs and output named as files, with their facets
            Assert.Equal("COMPLETE", root.GetProperty("eventType").GetString());
            Assert.Equal(OpenLineageEvent.SchemaUrl, root.GetProperty("schemaURL").GetString());
            Assert.Equal("2026-03-14T15:09:26.000Z", root.GetProperty("eventTime").GetString());
            Assert.Equal("modelcert", root.GetProperty("job").GetProperty("namespace").GetString());
            var model = root.GetProperty("inputs")[0].GetProperty("facets");
            Assert.Equal("MODEL", model.GetProperty("datasetType").GetProperty("datasetType").GetString());
            Assert.False(model.TryGetProperty("schema", out _));
            var data = root.GetProperty("inputs")[1].GetProperty("facets");
            Assert.Equal("sha256:" + new string('b', 64), data.GetProperty("version").GetProperty("datasetVersion").GetString());
            Assert.Equal(["sex", "y"], data.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
            Assert.Equal(50, data.GetProperty("modelcert_fingerprint").GetProperty("rows").GetInt64());
            Assert.Equal("/out/pack", root.GetProperty("outputs")[0].GetProperty("name").GetString());

            // And every facet, standard or custom, names its producer and schema
            var facets = new[] { root.GetProperty("run").GetProperty("facets"), root.GetProperty("job").GetProperty("facets"), model, data }
                .SelectMany(f => f.EnumerateObject()).ToList();
            Assert.All(facets, f => Assert.True(f.Value.TryGetProperty("_producer", out _) && f.Value.TryGetProperty("_schemaURL", out _), f.Name));
        }

        [Fact]
        public void Should_give_a_deterministic_uuid_v7_run_id_that_depends_on_the_inputs()
        {
            // Given the same and other inputs / When ids are made
            var id = OpenLineageEvent.RunId(FixedTime.Default, 7, ["x"]);
            var text = id.ToString("D");

            // Then equal inputs give equal ids, other seeds or digests other ids, and the version and variant are those of v7
            Assert.Equal(id, OpenLineageEvent.RunId(FixedTime.Default, 7, ["x"]));
            Assert.NotEqual(id, OpenLineageEvent.RunId(FixedTime.Default, 8, ["x"]));
            Assert.NotEqual(id, OpenLineageEvent.RunId(FixedTime.Default, 7, ["y"]));
            Assert.Equal('7', text[14]);
            Assert.Contains(text[19], "89ab");
            Assert.StartsWith(FixedTime.Default.ToUnixTimeMilliseconds().ToString("x12", System.Globalization.CultureInfo.InvariantCulture)[..8], text, StringComparison.Ordinal);
        }
    }

    public sealed class ReadSubmission
    {
        [Fact]
        public void Should_give_back_the_submission_facet_without_its_facet_members()
        {
            var submission = OpenLineageEvent.ReadSubmission(OpenLineageEvent.Write(Run(), Inputs, "/out/pack"));
            Assert.True(JsonNode.DeepEquals(new JsonObject { ["seed"] = 7, ["data"] = "/d/loans.csv" }, submission), submission.ToJsonString());
        }

        [Theory]
        [InlineData("")]
        [InlineData("{")]
        [InlineData("[]")]
        [InlineData("{\"run\":{\"facets\":{}},\"schemaURL\":\"x\"}")]
        public void Should_refuse_what_is_not_a_lineage_event_with_the_facet(string json) =>
            Assert.Throws<FormatException>(() => OpenLineageEvent.ReadSubmission(System.Text.Encoding.UTF8.GetBytes(json)));
    }
}
