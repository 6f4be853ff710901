using System.Text.RegularExpressions;
using ModelCert.Core.Results;
using ModelCert.Evidence.Report;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Evidence.Tests.Report;

public sealed class ReportHtmlTests
{
    public sealed class Render
    {
        [Fact]
        public void Should_escape_hostile_text_everywhere_in_html_and_svg()
        {
            // Given a document whose every user text is markup
            var document = ReportSamples.Document(ReportSamples.Hostile);

            // When it is rendered
            var html = ReportHtml.Render(document);

            // Then no tag from user text survives, and the text is there escaped
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("\"x\")", html, StringComparison.Ordinal);
            var escaped = ReportHtml.Escape(ReportSamples.Hostile);
            var occurrences = Regex.Count(html, Regex.Escape(escaped));
            Assert.True(occurrences > 20, $"expected the escaped hostile text in many places, found {occurrences}");
            Expect.Contains("<text class=\"group-label", html, "group names are drawn as SVG text");
            Expect.Contains(ReportHtml.Escape(ReportSamples.Hostile + "-a"), html, "an escaped group name");
        }

        [Fact]
        public void Should_make_no_external_request_and_forbid_scripts()
        {
            // Given a full document / When it is rendered
            var html = ReportHtml.Render(ReportSamples.Document());

            // Then the only URL is the SVG namespace, nothing is loaded, and the CSP forbids everything else
            var urls = Regex.Matches(html, "(?:https?:)?//[^\\s\"'<>)]+").Select(m => m.Value).Distinct().ToList();
            Expect.Sequence(["http://www.w3.org/2000/svg"], urls, "URLs in the report");
            foreach (var banned in new[] { "<script", "<link", "<iframe", "<object", "<embed", "src=", "href=", "url(", "@import" })
            {
                Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
            }

            Expect.Contains("content=\"default-src 'none';", html, "a strict Content-Security-Policy");
        }

        [Fact]
        public void Should_put_verdict_and_requirements_first_and_lineage_last()
        {
            // Given a rejected document / When it is rendered
            var html = ReportHtml.Render(ReportSamples.Document());

            // Then the sections come in reading order
            string[] order = ["id=\"verdict\"", "id=\"requirements\"", "id=\"remediation\"", "id=\"performance\"", "id=\"fairness\"", "id=\"checks\"", "id=\"lineage\""];
            var positions = order.Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
            Assert.All(positions, p => Assert.True(p > 0, $"missing section: {string.Join(", ", order.Where((_, i) => positions[i] < 0))}"));
            Expect.Sequence(positions.Order(), positions, "section positions");
            Expect.Contains("✗ Rejected</p>", html, "the verdict in words, not only in colour");
            Expect.Contains("[0.3, 0.5]", html, "the interval of the failing requirement");
            Expect.Contains("<td class=\"threshold\">≥ 0.8", html, "its threshold");
            Expect.Contains("plain clause 1", html, "its clause");
            Expect.Contains("✗ fail</span>", html, "the outcome badge with text");
        }

        [Fact]
        public void Should_draw_every_chart_with_an_accessible_name()
        {
            // Given a document with performance, fairness, robustness and explainability data / When it is rendered
            var html = ReportHtml.Render(ReportSamples.Document());

            // Then each chart is an inline SVG image with a name
            var labels = Regex.Matches(html, "<svg [^>]*role=\"img\"[^>]*aria-label=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
            foreach (var expected in new[] { "ROC curve", "Reliability diagram", "Confusion matrix: all rows", "Per-group rates for plain", "plain.noise: curve", "plain.importance: importance", "Confusion matrix: plain = plain-a" })
            {
                Assert.Contains(expected, labels);
            }

            Expect.Contains("0.8 × highest", html, "the four-fifths reference line");
            Expect.Contains("plain-c (n=20) *", html, "a small group is starred");
            Expect.Contains("class=\"band\"", html, "the robustness curve's interval band");
            Expect.Contains("<td>plain slice</td>", html, "the slices table");
            Expect.Contains("<th>thresholds: plain-a</th><td class=\"num\">0.55</td>", html, "the remediation table");
            Expect.Contains("<dt>plain key</dt><dd>plain value</dd>", html, "other details as key and value");
        }

        [Fact]
        public void Should_render_the_same_bytes_after_a_json_round_trip()
        {
            // Given a document whose details are C# objects, and the same document read back from results.json
            var document = ReportSamples.Document();
            var roundTrip = ResultsJson.Deserialize(ResultsJson.Serialize(document));

            // When both are rendered twice
            var first = ReportHtml.Render(document);

            // Then the output is identical: details as objects and as JSON elements draw the same page
            Assert.Equal(first, ReportHtml.Render(document));
            Assert.Equal(first, ReportHtml.Render(roundTrip));
        }

        [Fact]
        public void Should_render_a_sparse_document_with_undefined_and_non_finite_numbers()
        {
            // Given a regression document without fairness rates, ROC or bins, and details with NaN and wrong shapes
            var sample = ReportSamples.Document();
            var document = sample with
            {
                Task = "regression",
                Verdict = "certified",
                Metrics = new MetricsSection(
                    new PerformanceSection { N = 10, Mae = double.NaN, Rmse = 1.5 },
                    new SortedDictionary<string, AttributeSection>(StringComparer.Ordinal)
                    {
                        ["sex"] = new() { Groups = new(StringComparer.Ordinal) { ["F"] = new GroupSection { Count = 5, Mae = 1 } } },
                    }),
                Checks =
                [
                    sample.Checks[1] with
                    {
                        Details = new Dictionary<string, object?>
                        {
                            ["curve"] = new List<object> { new Dictionary<string, object?> { ["x"] = "NaN", ["value"] = double.PositiveInfinity }, 3 },
                            ["importance"] = "not a list",
                            ["slices"] = new List<object?> { null },
                        },
                    },
                ],
            };

            // When it is rendered
            var html = ReportHtml.Render(document);

            // Then the page is whole, draws no chart from the bad data, and writes no NaN coordinate
            Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
            Expect.Contains("✓ Certified</p>", html, "the verdict");
            Expect.Contains("<dt>importance</dt><dd>not a list</dd>", html, "a detail of an unexpected shape is listed");
            Assert.DoesNotContain("=\"NaN\"", html, StringComparison.Ordinal);
            Expect.Equal(1, Regex.Count(html, "<svg "), "only the requirement's interval glyph is drawn");
            Expect.Contains("aria-label=\"Interval of plain.noise against its threshold\"", html, "the glyph");
        }

        [Fact]
        public void Should_show_file_names_but_not_the_folders_of_the_users_machine()
        {
            // Given paths under a home folder / When rendered
            var html = ReportHtml.Render(ReportSamples.Document());

            // Then the lineage names the files with their hashes, not the folders
            Assert.DoesNotContain("/home/someone", html, StringComparison.Ordinal);
            Expect.Contains("<td>plain.csv</td>", html, "the dataset file name");
            Expect.Contains(new string('a', 64), html, "the model hash");
            Expect.Contains(new string('c', 64), html, "the schema hash");
            Expect.Contains("200 replicates, 95% confidence, seed 7", html, "the bootstrap settings");
        }
        [Fact]
        public void Should_name_the_favourable_outcome_of_the_fairness_rates()
        {
            // Given the same document measured on the positive class (the default) and on the negative class
            var positive = ReportHtml.Render(ReportSamples.Document());
            var negative = ReportHtml.Render(ReportSamples.Document() with { Favourable = "negative" });

            // When the fairness sections are read
            static string Fairness(string html) => html[html.IndexOf("id=\"fairness\"", StringComparison.Ordinal)..html.IndexOf("id=\"checks\"", StringComparison.Ordinal)];

            // Then each says which outcome is favourable, and the negative one titles its rates and matrices by it
            Expect.Contains("The favourable outcome is the <strong>positive class</strong>", Fairness(positive), "the default outcome");
            Expect.Contains("Favourable-outcome rate", Fairness(positive), "the rate column");
            Expect.Contains("The favourable outcome is the <strong>negative class</strong>: a decision is favourable when the score is at or below 0.5", Fairness(negative), "the negative outcome");
            Expect.Contains("TPR of the favourable outcome", Fairness(negative), "the TPR panel");
            Expect.Contains("(of the favourable outcome: score at or below the threshold)", Fairness(negative), "the table caption");
            Expect.Contains("pred. fav.", Fairness(negative), "the group confusion matrices");
            Assert.DoesNotContain("pred. fav.", Fairness(positive), StringComparison.Ordinal);
        }
    }
}
