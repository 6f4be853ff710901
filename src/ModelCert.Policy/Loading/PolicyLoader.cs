using ModelCert.Policy.Parsing;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Loading;

/// <summary>
/// Loads policy references with their <c>extends</c> chains, parents first, each file once. Reports unreadable files,
/// missing parents, unknown builtins, cycles and chains deeper than <see cref="YamlLimits.MaxExtendsDepth"/>, together
/// with every problem inside each file.
/// </summary>
internal sealed class PolicyLoader
{
    private readonly Dictionary<string, LoadedPolicy?> loaded = new(StringComparer.Ordinal);
    private readonly List<LoadedPolicy> order = [];
    private readonly List<PolicyDiagnostic> diagnostics = [];
    private readonly List<PolicySource> chain = [];

    public static PolicyGraph Load(IReadOnlyList<string> references, string baseDirectory)
    {
        var loader = new PolicyLoader();
        var roots = new List<LoadedPolicy>();
        foreach (var reference in references)
        {
            var bag = new DiagnosticBag(reference);
            var isBuiltin = reference.StartsWith(PolicyFields.BuiltinPrefix, StringComparison.Ordinal);
            var key = isBuiltin ? reference : Path.GetFullPath(reference, baseDirectory);
            var index = loader.diagnostics.Count;
            var root = loader.Acquire(key, () => isBuiltin
                ? ReadBuiltin(reference[PolicyFields.BuiltinPrefix.Length..], bag, SourcePosition.FileStart)
                : loader.ReadFile(key, reference, bag, SourcePosition.FileStart));
            loader.diagnostics.InsertRange(index, bag.Items);
            if (root is not null && !roots.Contains(root))
            {
                roots.Add(root);
            }
        }

        return new PolicyGraph(roots, loader.order, loader.diagnostics);
    }

    /// <summary>The policy under <paramref name="key"/>, loaded (with its parents) on first use; null when it cannot be read.</summary>
    private LoadedPolicy? Acquire(string key, Func<PolicySource?> read)
    {
        if (loaded.TryGetValue(key, out var done))
        {
            return done;
        }

        var source = read();
        var policy = source is null ? null : Parse(source);
        loaded[key] = policy;
        return policy;
    }

    private LoadedPolicy? Parse(PolicySource source)
    {
        var bag = new DiagnosticBag(source.Origin);
        var root = SafeYamlReader.Read(source.Text, bag);
        var document = root is null ? null : PolicyParser.Parse(root, bag);
        var policy = document is null ? null : new LoadedPolicy(source.Key, source.Origin, source.Sha256, document);
        var index = diagnostics.Count;
        if (policy is not null)
        {
            chain.Add(source);
            foreach (var entry in document!.Extends)
            {
                if (LoadParent(source, entry, bag) is { } parent && !policy.Parents.Contains(parent))
                {
                    policy.Parents.Add(parent);
                }
            }

            chain.RemoveAt(chain.Count - 1);
            order.Add(policy);
        }

        diagnostics.InsertRange(index, bag.Items.OrderBy(d => d.Line).ThenBy(d => d.Column));
        return policy;
    }

    /// <summary>The policy an extends entry names, or null (reported) when it is missing, unreadable, cyclic or too deep.</summary>
    private LoadedPolicy? LoadParent(PolicySource child, ExtendsEntry entry, DiagnosticBag bag)
    {
        var isBuiltin = entry.Reference.StartsWith(PolicyFields.BuiltinPrefix, StringComparison.Ordinal);
        if (!isBuiltin && child.Directory is null)
        {
            bag.Add(entry.Position, $"a built-in pack can only extend other builtins; found '{entry.Reference}'");
            return null;
        }

        var key = isBuiltin ? entry.Reference : Path.GetFullPath(entry.Reference, child.Directory!);
        var origin = isBuiltin ? entry.Reference : OriginPath.Join(child.Origin, entry.Reference);
        var cycleStart = chain.FindIndex(s => s.Key == key);
        if (cycleStart >= 0)
        {
            var path = chain.Skip(cycleStart).Select(s => s.Origin).Append(origin);
            bag.Add(entry.Position, "extends cycle: " + string.Join(" -> ", path));
            return null;
        }

        if (chain.Count > YamlLimits.MaxExtendsDepth)
        {
            var path = chain.Select(s => s.Origin).Append(origin);
            bag.Add(entry.Position, $"more than {YamlLimits.MaxExtendsDepth} levels of extends: {string.Join(" -> ", path)}");
            return null;
        }

        return Acquire(key, () => isBuiltin
            ? ReadBuiltin(entry.Reference[PolicyFields.BuiltinPrefix.Length..], bag, entry.Position)
            : ReadFile(key, origin, bag, entry.Position, entry.Reference));
    }

    private static PolicySource? ReadBuiltin(string name, DiagnosticBag bag, SourcePosition position)
    {
        if (BuiltinPacks.TryReadBytes(name, out var bytes))
        {
            return PolicySource.FromBuiltin(name, bytes, bag);
        }

        bag.Add(position, BuiltinPacks.UnknownMessage(name));
        return null;
    }

    private PolicySource? ReadFile(string fullPath, string origin, DiagnosticBag bag, SourcePosition position, string? asWritten = null)
    {
        if (!File.Exists(fullPath))
        {
            var what = asWritten is null ? "policy file" : $"extends file '{asWritten}'";
            bag.Add(position, $"{what} not found (looked for {fullPath})");
            return null;
        }

        var fileBag = new DiagnosticBag(origin);
        var source = PolicySource.FromFile(fullPath, origin, fileBag);
        diagnostics.AddRange(fileBag.Items);
        return source;
    }
}
