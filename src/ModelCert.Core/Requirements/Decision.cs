namespace ModelCert.Core.Requirements;

/// <summary>
/// Decides a requirement from a measurement and its interval. For a floor: pass when the interval's low end
/// clears it, fail when its high end misses it, otherwise the requirement's uncertainty action. A ceiling is the
/// mirror image. Without an interval the point value decides. A failure becomes the requirement's fail action.
/// </summary>
public static class Decision
{
    public enum Side
    {
        Clears,
        Misses,
        Straddles,
    }

    public static Side Compare(Threshold threshold, double value, (double Low, double High)? interval)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        var (low, high) = interval ?? (value, value);
        var clears = true;
        var misses = false;
        if (threshold.Min is { } min)
        {
            clears &= low >= min;
            misses |= high < min;
        }

        if (threshold.Max is { } max)
        {
            clears &= high <= max;
            misses |= low > max;
        }

        return misses ? Side.Misses : clears ? Side.Clears : Side.Straddles;
    }

    public static Outcome Decide(Requirement requirement, double value, (double Low, double High)? interval)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return Compare(requirement.Threshold, value, interval) switch
        {
            Side.Clears => Outcome.Pass,
            Side.Misses => OnFail(requirement.OnFail),
            _ => requirement.OnUncertain switch
            {
                UncertainAction.Pass => Outcome.Pass,
                UncertainAction.Warn => Outcome.Warn,
                UncertainAction.Review => Outcome.Review,
                _ => OnFail(requirement.OnFail),
            },
        };
    }

    public static Outcome OnFail(FailAction action) => action switch
    {
        FailAction.Block => Outcome.Fail,
        FailAction.Review => Outcome.Review,
        _ => Outcome.Warn,
    };

    /// <summary>rejected if any check failed; error if any could not run; needs_review if any needs a person; conditional on warnings.</summary>
    public static Verdict Verdict(IEnumerable<Outcome> outcomes)
    {
        var all = outcomes.ToHashSet();
        return all.Contains(Outcome.Fail) ? Requirements.Verdict.Rejected
            : all.Contains(Outcome.Error) ? Requirements.Verdict.Error
            : all.Contains(Outcome.Review) ? Requirements.Verdict.NeedsReview
            : all.Contains(Outcome.Warn) ? Requirements.Verdict.Conditional
            : Requirements.Verdict.Certified;
    }
}
