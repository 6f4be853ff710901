namespace ModelCert.Runtime.Scoring;

/// <summary>How dataset columns feed model inputs, beyond matching by name.</summary>
public sealed record InputMappingOptions
{
    /// <summary>Explicit pairs <c>onnx input name -> column</c> (<c>--input-map</c>); they win over name matching.</summary>
    public IReadOnlyDictionary<string, string> ExplicitMap { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Ordered columns packed into the model's single <c>[N,k]</c> tensor input (<c>--features</c>).</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The data file the columns come from, for messages.</summary>
    public string DataOrigin { get; init; } = "data";

    /// <summary>
    /// Parses <c>name=column</c> items as given on the command line.
    /// </summary>
    public static Dictionary<string, string> ParseInputMap(IEnumerable<string> items)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in items.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var eq = raw.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == raw.Length - 1)
            {
                throw new Core.InputException($"--input-map item '{raw}' is not of the form onnx_input=column");
            }

            var input = raw[..eq].Trim();
            if (!map.TryAdd(input, raw[(eq + 1)..].Trim()))
            {
                throw new Core.InputException($"--input-map names model input '{input}' twice");
            }
        }

        return map;
    }
}
