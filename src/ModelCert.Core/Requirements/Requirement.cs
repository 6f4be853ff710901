namespace ModelCert.Core.Requirements;

/// <summary>What to do when a requirement fails.</summary>
public enum FailAction
{
    Warn,
    Review,
    Block,
}

/// <summary>What to do when the confidence interval straddles the threshold.</summary>
public enum UncertainAction
{
    Pass,
    Warn,
    Review,
    Fail,
}

/// <summary>Bounds a measurement must keep: at least <see cref="Min"/>, at most <see cref="Max"/>.</summary>
public sealed record Threshold(double? Min, double? Max)
{
    public override string ToString() => (Min, Max) switch
    {
        ({ } min, { } max) => FormattableString.Invariant($"between {min:0.####} and {max:0.####}"),
        ({ } min, null) => FormattableString.Invariant($">= {min:0.####}"),
        (null, { } max) => FormattableString.Invariant($"<= {max:0.####}"),
        _ => "none",
    };
}

/// <summary>Parameters a requirement may give its check. Unset values take the check's defaults.</summary>
public sealed record RequirementParameters
{
    /// <summary>Protected attributes to evaluate; null means all of the submission's.</summary>
    public IReadOnlyList<string>? Attributes { get; init; }

    /// <summary>Whether pairs of the attributes are evaluated as intersections too.</summary>
    public bool Intersections { get; init; } = true;

    /// <summary>Groups smaller than this are reported but not decided on.</summary>
    public int? MinGroupSize { get; init; }

    /// <summary>Groups with a smaller share of rows are reported but left out of the ratio (NYC LL144's 2% rule).</summary>
    public double? MinGroupShare { get; init; }

    /// <summary>The privileged group per attribute, for the aif360 profile.</summary>
    public IReadOnlyDictionary<string, string> Privileged { get; init; } = new Dictionary<string, string>();

    public int? Bins { get; init; }

    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>
    /// The parameters typed by <see cref="Checks.CheckCatalog.Parameters"/> (noise scales, sample sizes, ...), by name:
    /// an <see cref="int"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/>, or a list of names or numbers.
    /// </summary>
    public IReadOnlyDictionary<string, object> Values { get; init; } = new Dictionary<string, object>(StringComparer.Ordinal);

    public int Integer(string name, int fallback) => Values.TryGetValue(name, out var v) && v is int i ? i : fallback;

    public double Number(string name, double fallback) => Values.TryGetValue(name, out var v) ? v switch { double d => d, int i => i, _ => fallback } : fallback;

    public IReadOnlyList<double> Numbers(string name, IReadOnlyList<double> fallback) =>
        Values.TryGetValue(name, out var v) ? v switch { IReadOnlyList<double> list => list, double d => [d], int i => [i], _ => fallback } : fallback;

    public bool Flag(string name, bool fallback) => Values.TryGetValue(name, out var v) && v is bool b ? b : fallback;

    public IReadOnlyList<string>? Names(string name) => Values.TryGetValue(name, out var v) ? v as IReadOnlyList<string> : null;

    public string Choice(string name, string fallback) => Values.TryGetValue(name, out var v) && v is string s ? s : fallback;
}

/// <summary>
/// One requirement as the decision engine sees it: a check, its threshold and what to do with the outcome.
/// <see cref="Source"/> names the policy and version that set the threshold, for the record.
/// </summary>
public sealed record Requirement(
    string Id,
    string Title,
    string Check,
    RequirementParameters Parameters,
    Threshold Threshold,
    double Confidence,
    FailAction OnFail,
    UncertainAction OnUncertain,
    int MinSample,
    IReadOnlyList<string> References,
    string? Rationale,
    string? Remediation,
    string? Source);
