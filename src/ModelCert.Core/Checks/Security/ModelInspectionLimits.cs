using System.Globalization;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Security;

/// <summary>
/// The limits a model file must keep (the parameters of <c>security.model-inspection</c>). The defaults follow what
/// ONNX Runtime 1.30 loads: IR versions 3 to 13 (opset imports need IR 3), ai.onnx opsets 1 to 26, ai.onnx.ml 1 to 5.
/// </summary>
public sealed partial record ModelInspectionLimits
{
    public const string CheckId = "security.model-inspection";

    /// <summary>The newest ai.onnx.ml opset ONNX Runtime 1.30 supports; not a policy parameter.</summary>
    public const long MaxMlOpset = 5;

    public static ModelInspectionLimits Default { get; } = new();

    /// <summary>Largest model file, and model plus external data together, in bytes (2 GiB, protobuf's own ceiling).</summary>
    public long MaxBytes { get; init; } = 1L << 31;

    public long MaxNodes { get; init; } = 1_000_000;

    /// <summary>Largest tensor dimension, and largest element count of one tensor.</summary>
    public long MaxDimension { get; init; } = 1L << 31;

    public (long Low, long High) IrVersions { get; init; } = (3, 13);

    public (long Low, long High) OpsetVersions { get; init; } = (1, 26);

    /// <summary>Domains allowed beyond ai.onnx and ai.onnx.ml.</summary>
    public IReadOnlyList<string> AllowedDomains { get; init; } = [];

    /// <summary>The limits a requirement sets; unset ones keep the defaults.</summary>
    /// <exception cref="ArgumentException">A version range that is not [lowest, highest] whole numbers.</exception>
    public static ModelInspectionLimits From(RequirementParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var defaults = Default;
        return new ModelInspectionLimits
        {
            MaxBytes = Whole(parameters.Number("max_bytes", defaults.MaxBytes)),
            MaxNodes = parameters.Integer("max_nodes", (int)defaults.MaxNodes),
            MaxDimension = Whole(parameters.Number("max_dimension", defaults.MaxDimension)),
            IrVersions = Range(parameters, "ir_versions", defaults.IrVersions),
            OpsetVersions = Range(parameters, "opset_versions", defaults.OpsetVersions),
            AllowedDomains = parameters.Names("allowed_domains") ?? [],
        };
    }

    /// <summary>The strictest of several requirements' limits: the smallest maxima, the narrowest ranges, the common domains.</summary>
    public static ModelInspectionLimits Strictest(IEnumerable<ModelInspectionLimits> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ModelInspectionLimits? strictest = null;
        foreach (var next in limits)
        {
            strictest = strictest is null ? next : new ModelInspectionLimits
            {
                MaxBytes = Math.Min(strictest.MaxBytes, next.MaxBytes),
                MaxNodes = Math.Min(strictest.MaxNodes, next.MaxNodes),
                MaxDimension = Math.Min(strictest.MaxDimension, next.MaxDimension),
                IrVersions = (Math.Max(strictest.IrVersions.Low, next.IrVersions.Low), Math.Min(strictest.IrVersions.High, next.IrVersions.High)),
                OpsetVersions = (Math.Max(strictest.OpsetVersions.Low, next.OpsetVersions.Low), Math.Min(strictest.OpsetVersions.High, next.OpsetVersions.High)),
                AllowedDomains = [.. strictest.AllowedDomains.Intersect(next.AllowedDomains, StringComparer.Ordinal)],
            };
        }

        return strictest ?? Default;
    }

    /// <summary>Whether nodes may use <paramref name="domain"/> ("" and "ai.onnx" are the same domain).</summary>
    public bool Allows(string domain) =>
        domain is "" or "ai.onnx" or "ai.onnx.ml" || AllowedDomains.Contains(domain, StringComparer.Ordinal);

    private static long Whole(double value) => value >= long.MaxValue ? long.MaxValue : (long)Math.Floor(value);

    private static (long Low, long High) Range(RequirementParameters parameters, string name, (long Low, long High) fallback)
    {
        var values = parameters.Numbers(name, [fallback.Low, fallback.High]);
        if (values.Count is < 1 or > 2 || values.Any(v => v != Math.Floor(v)) || values[0] > values[^1])
        {
            var given = string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            throw new ArgumentException($"parameter '{name}' must be [lowest, highest] whole versions, lowest first; got [{given}]", nameof(parameters));
        }

        return ((long)values[0], (long)values[^1]);
    }
}
