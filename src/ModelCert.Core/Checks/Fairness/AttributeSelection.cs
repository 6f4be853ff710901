using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Fairness;

/// <summary>
/// Which protected attributes a requirement applies to: the listed ones (matched case-insensitively; null means
/// all), plus the intersections of the selected ones when the requirement allows intersections.
/// </summary>
internal static class AttributeSelection
{
    public static (IReadOnlyList<ProtectedAttribute> Selected, IReadOnlyList<string> Missing) Select(EvaluationData data, RequirementParameters parameters)
    {
        var single = data.Attributes.Where(a => !a.Name.Contains('|', StringComparison.Ordinal)).ToList();
        var missing = new List<string>();
        List<ProtectedAttribute> selected;
        if (parameters.Attributes is null)
        {
            selected = single;
        }
        else
        {
            selected = [];
            foreach (var name in parameters.Attributes)
            {
                if (single.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase)) is { } found)
                {
                    selected.Add(found);
                }
                else
                {
                    missing.Add(name);
                }
            }
        }

        if (parameters.Intersections)
        {
            var names = selected.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            selected.AddRange(data.Attributes.Where(a =>
                a.Name.Split('|') is [var left, var right] && names.Contains(left) && names.Contains(right)));
        }

        return (selected, missing);
    }
}
