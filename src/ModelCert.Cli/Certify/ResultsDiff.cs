using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelCert.Cli.Certify;

/// <summary>
/// Every value that differs between two results documents, by path (<c>metrics.performance.accuracy</c>,
/// <c>checks[fairness.ratio [sex]].ci[0]</c>). Checks are matched by requirement and attribute, not position. What
/// legitimately changes between runs is left out: the time, the tool versions, and file paths (files are compared by
/// digest). Numbers are compared exactly: the same inputs and seed give the same bits.
/// </summary>
internal static class ResultsDiff
{
    private static readonly string[] Ignored = ["created_at", "tool", "path"];

    public static List<string> Compare(JsonNode? recorded, JsonNode? current)
    {
        var differences = new List<string>();
        Walk("", recorded, current, differences);
        return differences;
    }

    private static void Walk(string path, JsonNode? recorded, JsonNode? current, List<string> differences)
    {
        switch (recorded, current)
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Where(n => !Ignored.Contains(n)).Order(StringComparer.Ordinal))
                {
                    Walk(Join(path, name), a[name], b[name], differences);
                }

                break;
            case (JsonArray a, JsonArray b) when path == "checks":
                var left = ByKey(a);
                var right = ByKey(b);
                foreach (var key in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
                {
                    Walk($"checks[{key}]", left.GetValueOrDefault(key), right.GetValueOrDefault(key), differences);
                }

                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count && a.Count > 2 && a.Concat(b).All(n => n is JsonValue):
                // A long series (curve points): one line, not one per point.
                var differing = Enumerable.Range(0, a.Count).Where(i => !JsonNode.DeepEquals(a[i], b[i])).ToList();
                if (differing is [var first, ..])
                {
                    differences.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: {differing.Count} of {a.Count} values differ, first [{first}]: pack {Show(a[first])}, now {Show(b[first])}"));
                }

                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Walk(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, differences);
                }

                break;
            default:
                if (!JsonNode.DeepEquals(recorded, current))
                {
                    differences.Add($"{path}: pack {Show(recorded)}, now {Show(current)}");
                }

                break;
        }
    }

    private static Dictionary<string, JsonNode?> ByKey(JsonArray checks)
    {
        var keyed = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var check in checks)
        {
            var requirement = check?["requirement"]?.ToString() ?? "?";
            var key = check?["attribute"]?.ToString() is { } attribute ? $"{requirement} [{attribute}]" : requirement;
            var unique = key;
            for (var n = 2; keyed.ContainsKey(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{key} #{n}");
            }

            keyed[unique] = check;
        }

        return keyed;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Show(JsonNode? node) => node switch
    {
        null => "(absent)",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
        _ => node.ToJsonString().Length > 80 ? node.ToJsonString()[..77] + "..." : node.ToJsonString(),
    };
}
