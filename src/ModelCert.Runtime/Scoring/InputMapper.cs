using ModelCert.Core;
using ModelCert.Core.Frames;

namespace ModelCert.Runtime.Scoring;

/// <summary>
/// Decides which columns feed each model input: explicit pairs first, then an exact name, then a folded name;
/// a <c>[N,k]</c> input takes the ordered <c>--features</c> list. Every problem is reported at once, on one line.
/// </summary>
public static class InputMapper
{
    public static IReadOnlyList<InputBinding> Resolve(
        IReadOnlyList<TensorInfo> inputs, FrameSchema schema, InputMappingOptions options, string modelOrigin)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var columns = schema.Names.ToList();
        var bindings = new List<InputBinding>();
        var featuresUsed = false;

        foreach (var name in options.ExplicitMap.Keys.Where(k => inputs.All(i => i.Name != k)))
        {
            problems.Add($"--input-map names '{name}', which is not an input of model '{modelOrigin}' (inputs: {ColumnNames.Quote(inputs.Select(i => i.Name))})");
        }

        foreach (var input in inputs)
        {
            if (input.Kind != OnnxValueKind.Tensor || input.Shape.Count is 0 or > 2)
            {
                problems.Add($"model input '{input.Name}' is a {Describe(input)}; ModelCert feeds only tensors of shape [N] or [N,k]");
                continue;
            }

            if (input.Shape[0] >= 0 || (input.Shape.Count == 2 && input.Shape[1] == 0))
            {
                problems.Add($"model input '{input.Name}' is declared as a {Describe(input)}; ModelCert feeds batches of rows, so its first dimension must be dynamic (N) and a second one at least 1");
                continue;
            }

            var width = input.Shape.Count == 2 ? input.Shape[1] : 1;
            if (options.ExplicitMap.TryGetValue(input.Name, out var mapped))
            {
                if (RequireColumn(mapped, $"--input-map {input.Name}={mapped}"))
                {
                    bindings.Add(new InputBinding(input, [mapped], InputMatch.Explicit));
                }
            }
            else if (width != 1 && options.Features is { } features && !featuresUsed)
            {
                featuresUsed = true;
                if (width > 0 && features.Count != width)
                {
                    problems.Add($"--features lists {features.Count} columns, but model input '{input.Name}' takes {width} ([N,{width}])");
                }
                else if (features.All(f => RequireColumn(f, "--features")))
                {
                    bindings.Add(new InputBinding(input, features, InputMatch.FeatureList));
                }
            }
            else if (width > 1)
            {
                problems.Add($"model input '{input.Name}' is one [N,{width}] tensor; pass --features with its {width} columns in the model's order");
            }
            else if (MatchByName(input) is { } binding)
            {
                bindings.Add(binding);
            }
        }

        if (options.Features is not null && !featuresUsed)
        {
            problems.Add($"--features was given, but model '{modelOrigin}' has no [N,k] tensor input to take it (inputs: {string.Join(", ", inputs.Select(i => $"'{i.Name}' {Describe(i)}"))})");
        }

        if (problems.Count > 0)
        {
            throw new InputException(string.Join("; ", problems));
        }

        return bindings;

        bool RequireColumn(string column, string source)
        {
            if (columns.Contains(column, StringComparer.Ordinal))
            {
                return true;
            }

            problems.Add($"{source}: '{options.DataOrigin}' has no column '{column}'; closest: {ColumnNames.Quote(ColumnNames.Closest(column, columns))}");
            return false;
        }

        InputBinding? MatchByName(TensorInfo input)
        {
            if (columns.Contains(input.Name, StringComparer.Ordinal))
            {
                return new InputBinding(input, [input.Name], InputMatch.ExactName);
            }

            var folded = ColumnNames.Normalize(input.Name);
            var candidates = columns.Where(c => ColumnNames.Normalize(c) == folded).ToList();
            switch (candidates.Count)
            {
                case 1:
                    return new InputBinding(input, candidates, InputMatch.NormalizedName);
                case 0:
                    problems.Add($"model input '{input.Name}' has no matching column in '{options.DataOrigin}'; closest: {ColumnNames.Quote(ColumnNames.Closest(input.Name, columns))} (map one with --input-map {input.Name}=COLUMN)");
                    return null;
                default:
                    problems.Add($"model input '{input.Name}' matches several columns of '{options.DataOrigin}' ({ColumnNames.Quote(candidates)}); choose one with --input-map {input.Name}=COLUMN");
                    return null;
            }
        }
    }

    public static string Describe(TensorInfo info) => info.Kind switch
    {
        OnnxValueKind.Tensor => $"{info.ElementType.ToString().ToLowerInvariant()} tensor [{string.Join(",", info.Shape.Select(d => d < 0 ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]",
        _ => info.Kind.ToString().ToLowerInvariant(),
    };
}
