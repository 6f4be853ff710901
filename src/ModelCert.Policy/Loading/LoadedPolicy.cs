using ModelCert.Policy.Parsing;

namespace ModelCert.Policy.Loading;

/// <summary>
/// One parsed policy file or pack. <see cref="Key"/> identifies it (full path or builtin:NAME) so a file reached
/// twice is loaded once; <see cref="Origin"/> is how it is shown to people.
/// </summary>
internal sealed class LoadedPolicy(string key, string origin, string sha256, PolicyDocument document)
{
    public string Key { get; } = key;

    public string Origin { get; } = origin;

    public string Sha256 { get; } = sha256;

    public PolicyDocument Document { get; } = document;

    /// <summary>The policies named in <c>extends</c>, in order; filled once they are loaded.</summary>
    public List<LoadedPolicy> Parents { get; } = [];

    public string Name => Document.Metadata.Name;

    public string Version => Document.Metadata.Version;

    /// <summary>True when <paramref name="other"/> is reachable from this policy through <c>extends</c>.</summary>
    public bool Extends(LoadedPolicy other)
    {
        var pending = new Stack<LoadedPolicy>(Parents);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var next))
        {
            if (ReferenceEquals(next, other))
            {
                return true;
            }

            if (seen.Add(next.Key))
            {
                next.Parents.ForEach(pending.Push);
            }
        }

        return false;
    }
}

/// <summary>What <see cref="PolicyLoader"/> found: the root of each reference, every policy in load order (parents first), and all problems.</summary>
internal sealed record PolicyGraph(IReadOnlyList<LoadedPolicy> Roots, IReadOnlyList<LoadedPolicy> Policies, IReadOnlyList<PolicyDiagnostic> Diagnostics);
