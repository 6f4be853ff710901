namespace ModelCert.Runtime;

/// <summary>Checks a run's inputs and requested outputs against the session's declarations before anything native happens.</summary>
internal static class RunChecks
{
    /// <summary>Throws one <see cref="ArgumentException"/> listing every problem with <paramref name="inputs"/>.</summary>
    public static void CheckInputs(IReadOnlyList<TensorInfo> declared, IReadOnlyList<InputTensor> inputs, string modelPath)
    {
        var problems = new List<string>();
        var byName = declared.ToDictionary(d => d.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input is null)
            {
                problems.Add($"input {i} is null");
                continue;
            }

            if (!seen.Add(input.Name))
            {
                problems.Add($"input '{input.Name}' is given more than once");
                continue;
            }

            if (!byName.TryGetValue(input.Name, out var expected))
            {
                problems.Add($"the model has no input named '{input.Name}' (its inputs: {Names(declared)})");
                continue;
            }

            CheckOne(input, expected, problems);
        }

        foreach (var missing in declared.Where(d => !seen.Contains(d.Name)))
        {
            problems.Add($"input '{missing.Name}' ({missing}) is missing");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"cannot run model '{modelPath}': {string.Join("; ", problems)}", nameof(inputs));
        }
    }

    /// <summary>The output names to fetch; non-tensor outputs (ZipMap) are refused with advice.</summary>
    public static IReadOnlyList<string> ResolveOutputs(IReadOnlyList<TensorInfo> declared, IReadOnlyList<string>? requested, string modelPath)
    {
        if (requested is null)
        {
            var tensors = declared.Where(d => d.Kind == OnnxValueKind.Tensor).Select(d => d.Name).ToList();
            return tensors.Count > 0
                ? tensors
                : throw new InvalidOperationException(
                    $"model '{modelPath}' has no tensor outputs ({Names(declared)} are {string.Join(", ", declared.Select(d => d.Kind.ToString().ToLowerInvariant()))}); {ZipMapAdvice}");
        }

        if (requested.Count == 0)
        {
            throw new ArgumentException($"cannot run model '{modelPath}': no outputs requested", nameof(requested));
        }

        var problems = new List<string>();
        foreach (var name in requested)
        {
            var output = declared.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.Ordinal));
            if (output is null)
            {
                problems.Add($"the model has no output named '{name}' (its outputs: {Names(declared)})");
            }
            else if (output.Kind != OnnxValueKind.Tensor)
            {
                problems.Add($"output '{name}' is a {output.Kind.ToString().ToLowerInvariant()}, not a tensor, and cannot be read; {ZipMapAdvice}");
            }
        }

        if (requested.Distinct(StringComparer.Ordinal).Count() != requested.Count)
        {
            problems.Add("an output is requested more than once");
        }

        return problems.Count == 0
            ? requested
            : throw new ArgumentException($"cannot run model '{modelPath}': {string.Join("; ", problems)}", nameof(requested));
    }

    private const string ZipMapAdvice =
        "a classifier exported with ZipMap gives its probabilities as a sequence of maps; re-export it without ZipMap (skl2onnx: options={id(model): {'zipmap': False}}) so probabilities are a [N,C] tensor";

    private static void CheckOne(InputTensor input, TensorInfo expected, List<string> problems)
    {
        if (expected.Kind != OnnxValueKind.Tensor)
        {
            problems.Add($"input '{input.Name}' is a {expected.Kind.ToString().ToLowerInvariant()} in the model, which ModelCert cannot feed");
            return;
        }

        if (input.ElementType != expected.ElementType)
        {
            problems.Add($"input '{input.Name}' holds {Describe(input.ElementType)} values, but the model expects {Describe(expected.ElementType)}");
        }

        var count = Shapes.ElementCount(input.Shape);
        if (count is null)
        {
            problems.Add($"input '{input.Name}' has shape {Shapes.Format(input.Shape)}, which is not a concrete shape (negative or too large)");
        }
        else if (count != input.ElementCount)
        {
            problems.Add($"input '{input.Name}' has {input.ElementCount} values, but its shape {Shapes.Format(input.Shape)} needs {count}");
        }

        var rankKnown = expected.Shape.Count > 0;
        var fits = !rankKnown || (input.Shape.Count == expected.Shape.Count
            && input.Shape.Zip(expected.Shape).All(p => p.Second < 0 || p.First == p.Second));
        if (!fits)
        {
            problems.Add($"input '{input.Name}' has shape {Shapes.Format(input.Shape)}, but the model expects {Shapes.Format(expected.Shape)} (-1 = any size)");
        }
    }

    private static string Describe(TensorElementType type) => type.ToString().ToLowerInvariant();

    private static string Names(IReadOnlyList<TensorInfo> declared) =>
        declared.Count == 0 ? "none" : string.Join(", ", declared.Select(d => $"'{d.Name}'"));
}
