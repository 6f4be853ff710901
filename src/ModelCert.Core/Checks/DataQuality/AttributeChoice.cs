using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>
/// The protected attributes a requirement asks for. Without a list: every single attribute, and the intersections
/// (names with '|') when the requirement allows them. With a list (case-insensitive): the listed attributes, plus
/// the intersections of listed attributes when allowed. A listed name the submission lacks, or a listed
/// intersection while intersections are off, comes back with <see cref="Attribute"/> null and the reason.
/// </summary>
internal readonly record struct AttributeChoice(string Name, ProtectedAttribute? Attribute, string? Reason)
{
    public static List<AttributeChoice> Select(IReadOnlyList<ProtectedAttribute> attributes, RequirementParameters parameters)
    {
        var allowIntersections = parameters.Intersections;
        if (parameters.Attributes is not { } listed)
        {
            return [.. attributes.Where(a => allowIntersections || !IsIntersection(a)).Select(a => new AttributeChoice(a.Name, a, null))];
        }

        var chosen = new List<AttributeChoice>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in listed)
        {
            if (!names.Add(name))
            {
                continue;
            }

            var attribute = attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
            if (attribute is null)
            {
                var available = string.Join(", ", attributes.Select(a => $"'{a.Name}'"));
                chosen.Add(new AttributeChoice(name, null, $"the submission has no protected attribute '{name}'; it has {available}"));
            }
            else if (IsIntersection(attribute) && !allowIntersections)
            {
                chosen.Add(new AttributeChoice(name, null, $"'{attribute.Name}' is an intersection and this requirement sets intersections: false"));
            }
            else
            {
                chosen.Add(new AttributeChoice(attribute.Name, attribute, null));
            }
        }

        if (allowIntersections)
        {
            foreach (var attribute in attributes)
            {
                if (IsIntersection(attribute) && !names.Contains(attribute.Name) && attribute.Name.Split('|').All(names.Contains))
                {
                    chosen.Add(new AttributeChoice(attribute.Name, attribute, null));
                }
            }
        }

        return chosen;
    }

    private static bool IsIntersection(ProtectedAttribute attribute) => attribute.Name.Contains('|', StringComparison.Ordinal);
}
