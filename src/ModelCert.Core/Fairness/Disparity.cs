namespace ModelCert.Core.Fairness;

/// <summary>
/// How far apart a rate is across groups, as a difference and as a ratio, under a definition profile.
/// Groups whose rate is undefined are left out and listed in <see cref="UndefinedGroups"/>.
/// </summary>
public sealed record Disparity(double? Difference, double? Ratio, string? LowGroup, string? HighGroup, IReadOnlyList<string> UndefinedGroups)
{
    public static Disparity Between(IReadOnlyList<GroupRate> rates, DefinitionProfile profile, string? privilegedGroup = null)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var undefined = rates.Where(r => r.Value is null).Select(r => r.Group).ToList();
        var values = profile == DefinitionProfile.Fairlearn
            ? [.. rates.Select(r => new GroupRate(r.Group, r.Value ?? 0))]
            : rates.Where(r => r.Value is not null).ToList();
        if (profile == DefinitionProfile.Aif360)
        {
            return AgainstPrivileged(values, privilegedGroup, undefined);
        }

        if (values.Count == 0)
        {
            return new Disparity(null, null, null, null, undefined);
        }

        var low = values.MinBy(v => v.Value!.Value);
        var high = values.MaxBy(v => v.Value!.Value);
        var difference = high.Value!.Value - low.Value!.Value;
        double? ratio = high.Value.Value == 0
            ? (profile == DefinitionProfile.Fairlearn ? double.NaN : null)
            : low.Value.Value / high.Value.Value;
        return new Disparity(difference, ratio, low.Group, high.Group, undefined);
    }

    /// <summary>AIF360: every other group against the privileged one; the group with the lowest ratio is reported.</summary>
    private static Disparity AgainstPrivileged(List<GroupRate> values, string? privilegedGroup, List<string> undefined)
    {
        if (privilegedGroup is null)
        {
            throw new InputException("the aif360 profile needs a privileged group for every protected attribute (privileged: {attribute: value})");
        }

        var privileged = values.FirstOrDefault(v => v.Group == privilegedGroup);
        if (privileged.Group is null)
        {
            return new Disparity(null, null, null, privilegedGroup, undefined);
        }

        var others = values.Where(v => v.Group != privilegedGroup).ToList();
        if (others.Count == 0)
        {
            return new Disparity(null, null, null, privilegedGroup, undefined);
        }

        var p = privileged.Value!.Value;
        var worst = p == 0
            ? others.MaxBy(v => Math.Abs(v.Value!.Value))
            : others.MinBy(v => Math.Min(v.Value!.Value / p, p / Math.Max(v.Value!.Value, double.Epsilon)));
        double? ratio = p == 0 ? null : worst.Value!.Value / p;
        return new Disparity(worst.Value!.Value - p, ratio, worst.Group, privilegedGroup, undefined);
    }
}
