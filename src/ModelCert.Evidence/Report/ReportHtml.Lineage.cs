using System.Globalization;
using System.Text;
using ModelCert.Core.Results;

namespace ModelCert.Evidence.Report;

/// <summary>The closing section of report.html: what was certified, on which data, under which policies, by which tool.</summary>
public static partial class ReportHtml
{
    private static void Lineage(StringBuilder html, ResultsDocument results)
    {
        var model = results.Model;
        html.Append("<section id=\"lineage\">\n<h2>Lineage and hashes</h2>\n<h3>Model</h3>\n<table class=\"data kv\"><tbody>\n");
        Row(html, "Name", model.Name);
        Row(html, "Version", model.Version ?? "not given");
        Row(html, "File", model.Path is null ? null : FileName(model.Path));
        Row(html, "SHA-256", model.Sha256, hash: true);
        Row(html, "Bytes", model.Bytes is { } bytes ? Html.Count(bytes) : null);
        Row(html, "Mode", model.Mode);
        Row(html, "Producer", model.Producer);
        Row(html, "Inputs", model.Inputs.Count == 0 ? null : string.Join(", ", model.Inputs));
        html.Append("</tbody></table>\n");

        if (results.Datasets.Count > 0)
        {
            html.Append("<h3>Datasets</h3>\n<table class=\"data\"><thead><tr><th>Role</th><th>File</th><th class=\"num\">Rows</th><th class=\"num\">Bytes</th><th>SHA-256</th><th>Schema SHA-256</th></tr></thead><tbody>\n");
            foreach (var dataset in results.Datasets)
            {
                html.Append("<tr><td>").AppendEscaped(dataset.Role).Append("</td><td>").AppendEscaped(FileName(dataset.Path)).Append("</td><td class=\"num\">")
                    .Append(Html.Count(dataset.Rows)).Append("</td><td class=\"num\">").Append(Html.Count(dataset.Bytes)).Append("</td><td class=\"hash\">")
                    .AppendEscaped(dataset.Sha256).Append("</td><td class=\"hash\">").AppendEscaped(dataset.SchemaSha256).Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        if (results.Policies.Count > 0)
        {
            html.Append("<h3>Policies</h3>\n<table class=\"data\"><thead><tr><th>Name</th><th>Version</th><th>Origin</th><th>SHA-256</th></tr></thead><tbody>\n");
            foreach (var policy in results.Policies)
            {
                html.Append("<tr><td>").AppendEscaped(policy.Name).Append("</td><td>").AppendEscaped(policy.Version).Append("</td><td>")
                    .AppendEscaped(policy.Origin.StartsWith("builtin:", StringComparison.Ordinal) ? policy.Origin : FileName(policy.Origin)).Append("</td><td class=\"hash\">")
                    .AppendEscaped(policy.Sha256).Append("</td></tr>\n");
            }

            html.Append("</tbody></table>\n");
        }

        var bootstrap = results.Bootstrap;
        html.Append("<h3>Run</h3>\n<table class=\"data kv\"><tbody>\n");
        Row(html, "Tool", $"{results.Tool.Name} {results.Tool.Version} (ONNX Runtime {results.Tool.OnnxRuntime}, DuckDB {results.Tool.DuckDb})");
        Row(html, "Created", results.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture));
        Row(html, "Task", results.Task);
        Row(html, "Definition profile", results.Profile);
        Row(html, "Protected attributes", results.ProtectedAttributes.Count == 0 ? "none" : string.Join(", ", results.ProtectedAttributes));
        Row(html, "Bootstrap", string.Create(CultureInfo.InvariantCulture, $"{bootstrap.Replicates} replicates, {Html.Percent(bootstrap.Confidence)} confidence, seed {bootstrap.Seed}"));
        Row(html, "Count metrics", bootstrap.CountMethod);
        Row(html, "Score metrics", bootstrap.ScoreMethod);
        Row(html, "Results schema", results.Schema);
        html.Append("</tbody></table>\n<p class=\"note\">results.json is the record of this certification; this page is drawn from it alone. File names are shown without their folders; results.json keeps the paths as given.</p>\n</section>\n");
    }

    private static void Row(StringBuilder html, string name, string? value, bool hash = false)
    {
        if (value is null)
        {
            return;
        }

        html.Append("<tr><th>").Append(name).Append(hash ? "</th><td class=\"hash\">" : "</th><td>").AppendEscaped(value).Append("</td></tr>\n");
    }

    /// <summary>The last segment of a path written on any system (so no folder of the user's machine is shown).</summary>
    private static string FileName(string path)
    {
        var cut = path.TrimEnd('/', '\\').LastIndexOfAny(['/', '\\']);
        return cut < 0 ? path : path[(cut + 1)..].TrimEnd('/', '\\');
    }
}
