namespace ModelCert.Policy;

/// <summary>A requirement's check parameters after resolution; unset ones carry their defaults.</summary>
public sealed record RequirementParameters
{
    /// <summary>The protected attributes to evaluate; null means all of the submission's protected attributes.</summary>
    public IReadOnlyList<string>? Attributes { get; init; }

    /// <summary>Also evaluate intersections of the attributes (e.g. <c>Female|Black</c>).</summary>
    public bool Intersections { get; init; } = true;

    /// <summary>Groups smaller than this are reported but not decided on.</summary>
    public int? MinGroupSize { get; init; }

    /// <summary>Groups under this share of the rows may be left out of a ratio (still reported).</summary>
    public double? MinGroupShare { get; init; }

    /// <summary>Reference group per attribute, e.g. <c>sex: Male</c>; empty means the check picks (e.g. the best-off group).</summary>
    public IReadOnlyDictionary<string, string> Privileged { get; init; } = new Dictionary<string, string>();

    /// <summary>Number of bins for binned checks such as calibration error.</summary>
    public int? Bins { get; init; }

    /// <summary>The columns a data-quality check looks at; null means all.</summary>
    public IReadOnlyList<string>? Columns { get; init; }
}
