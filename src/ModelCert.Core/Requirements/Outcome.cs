namespace ModelCert.Core.Requirements;

/// <summary>The outcome of one check against one requirement.</summary>
public enum Outcome
{
    Pass,
    Fail,
    Review,
    Warn,

    /// <summary>The check could not be evaluated (for example a metric undefined on this data).</summary>
    Error,

    /// <summary>The check does not apply to this submission (for example it needs a runnable model).</summary>
    Skipped,
}

/// <summary>The verdict of a certification, from its outcomes.</summary>
public enum Verdict
{
    Certified,
    Conditional,
    NeedsReview,
    Rejected,
    Error,
}
