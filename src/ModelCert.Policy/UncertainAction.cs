namespace ModelCert.Policy;

/// <summary>
/// What a requirement does when the measurement's confidence interval straddles the threshold (or a group is below
/// the minimum sample), from mildest to strictest; the order is what "strictest wins" compares.
/// </summary>
public enum UncertainAction
{
    /// <summary>Benefit of the doubt: treat as passed.</summary>
    Pass,

    /// <summary>Treat as passed with a warning.</summary>
    Warn,

    /// <summary>Send to a reviewer.</summary>
    Review,

    /// <summary>Treat as failed (then the requirement's fail action applies).</summary>
    Fail,
}
