using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Results;
using ModelCert.Evidence.ModelCard;
using ModelCert.Evidence.Tests.Support;

using Xunit;

namespace ModelCert.Evidence.Tests.ModelCard;

public sealed class ModelCardMarkdownTests
{
    private static ResultsDocument Results(params CheckResult[] checks) => new()
    {
        Verdict = "rejected",
        Tool = new ToolInfo("modelcert", "0.1.0", "1.30.0", "1.5.6"),
        CreatedAt = FixedTime.Default,
        Task = "binary_classification",
        Profile = "strict",
        Bootstrap = new BootstrapInfo(200, 0.95, 7, "cells", "cells"),
        Model = new ModelInfo { Name = "loan", Version = "3", Path = "loan.onnx", Sha256 = new string('a', 64), Bytes = 919, Mode = "onnx" },
        Datasets = [new DatasetInfo("test", "data/loans.csv", new string('b', 64), 100, 50, new string('c', 64), ["sex", "y"])],
        ProtectedAttributes = ["sex"],
        Metrics = new MetricsSection(
            new PerformanceSection { N = 50, Accuracy = 0.8, Ci = new SortedDictionary<string, double[]>(StringComparer.Ordinal) { ["accuracy"] = [0.7, 0.9] } },
            new SortedDictionary<string, AttributeSection>(StringComparer.Ordinal)
            {
                ["sex"] = new() { Groups = new(StringComparer.Ordinal) { ["f"] = new() { Count = 20, SelectionRate = 0.3 }, ["m"] = new() { Count = 30, SelectionRate = 0.6 } }, DemographicParityRatio = 0.5 },
            }),
        Checks = checks,
        Summary = OutcomeSummary.Of(checks),
    };

    private static CheckResult Check(string id, Outcome outcome, string message) =>
        new() { Id = id, Requirement = "req." + id, Outcome = outcome, Value = 0.5, Ci = [0.4, 0.6], Threshold = new Threshold(0.8, null), Message = message };

    public sealed class Render
    {
        [Fact]
        public void Should_mark_every_missing_field_and_never_invent_one()
        {
            // Given a submission that declared no card or provenance field
            var card = ModelCardMarkdown.Render(Results(), ModelCardFields.Empty, new DataProvenance(null, null, null, null, null));

            // Then each declared field is marked as not provided: purpose, out of scope, owner, contact, training,
            // evaluation, limitations and ethics, and the five provenance fields
            Assert.Equal(13, card.Split(ModelCardMarkdown.Missing).Length - 1);
            Assert.Contains("- Intended purpose: " + ModelCardMarkdown.Missing, card, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_have_the_annex_iv_sections_in_order_with_measured_values()
        {
            // Given results with a failed fairness check and a passed robustness check
            var card = ModelCardMarkdown.Render(
                Results(Check("fairness.x", Outcome.Fail, "ratio 0.5 is below 0.8"), Check("robustness.y", Outcome.Pass, "ok")),
                new ModelCardFields("Scoring loans", null, "Risk team", null, null, null, null, null),
                new DataProvenance("bank", null, null, null, new DateOnly(2030, 1, 31)));

            // Then the sections come in Annex IV order, with the digest, the interval, the group table and the finding
            string[] sections =
            [
                "## 1. General description", "## 2. Out-of-scope", "## 3. Owner", "## 4. Development", "## 5. Evaluation data", "## 6. Performance",
                "## 7. Fairness", "## 8. Robustness", "## 9. Limitations", "## 10. Ethical", "## 11. Human oversight", "## 12. Versions",
            ];
            var positions = sections.Select(s => card.IndexOf(s, StringComparison.Ordinal)).ToList();
            Assert.All(positions, p => Assert.True(p >= 0));
            Assert.Equal(positions.Order(), positions);
            Assert.Contains("- Intended purpose: Scoring loans", card, StringComparison.Ordinal);
            Assert.Contains("| test | loans.csv | 50 | `" + new string('b', 64) + "` |", card, StringComparison.Ordinal);
            Assert.Contains("| accuracy | 0.8 | [0.7, 0.9] |", card, StringComparison.Ordinal);
            Assert.Contains("| f | 20 | 0.3 |", card, StringComparison.Ordinal);
            Assert.Contains("- `req.fairness.x` (fail): ratio 0.5 is below 0.8", card, StringComparison.Ordinal);
            Assert.Contains("| req.robustness.y | 0.5 | [0.4, 0.6] | \\>= 0.8 | pass |", card, StringComparison.Ordinal);
            Assert.Contains("- Retained until: 2030-01-31", card, StringComparison.Ordinal);
            Assert.Contains("Reviewers: pending", card, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_escape_submitter_text_so_it_adds_no_heading_link_image_or_html()
        {
            // Given card fields crafted as Markdown and HTML
            var hostile = new ModelCardFields(
                "# Approved by regulator\n[click](http://x) ![i](http://y) <script>alert(1)</script>",
                "- item\n1. first\n> quote",
                "a | b",
                null, null, null, null, null);

            // When the card is rendered
            var card = ModelCardMarkdown.Render(Results(), hostile, new DataProvenance(null, null, null, null, null));

            // Then none of it is markup: no injected heading, link, image, tag, list or quote
            Assert.DoesNotContain("\n# Approved", card, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", card, StringComparison.Ordinal);
            Assert.DoesNotContain("[click](", card, StringComparison.Ordinal);
            Assert.DoesNotContain("![i]", card, StringComparison.Ordinal);
            Assert.Contains("\\<script\\>", card, StringComparison.Ordinal);
            Assert.Contains("\n\\- item\n1\\. first\n\\> quote\n", card, StringComparison.Ordinal);
            Assert.Contains("- Owner: a \\| b", card, StringComparison.Ordinal);
        }
    }
}
