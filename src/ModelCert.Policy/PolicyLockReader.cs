using ModelCert.Policy.Locking;
using ModelCert.Policy.Parsing;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy;

/// <summary>
/// Reads <c>policy.lock.yaml</c> (as written by <see cref="PolicyLockWriter"/>) back into the resolved policy it
/// records, so a certification can be re-run from an evidence pack with exactly the requirements, parameters,
/// thresholds and provenance it was decided on, whatever the policy files say today. The same safe YAML reader and the
/// same parameter checks as policies apply: a lock is untrusted input like any file.
/// </summary>
public static class PolicyLockReader
{
    /// <summary>The <c>kind</c> of a lock file.</summary>
    public const string Kind = "PolicyLock";

    /// <summary>Reads the lock text; <paramref name="origin"/> names the file in messages.</summary>
    /// <exception cref="PolicyException">The text is not a valid lock; lists every problem.</exception>
    public static ResolvedPolicy Read(string yaml, string origin)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag(origin);
        if (yaml.Length > YamlLimits.MaxFileBytes)
        {
            diagnostics.Add(SourcePosition.FileStart, $"the policy lock is {Format.Number(yaml.Length)} characters; the limit is {Format.Number(YamlLimits.MaxFileBytes)} (1 MiB)");
            throw new PolicyException(diagnostics.Items);
        }

        var root = SafeYamlReader.Read(yaml, LockKind, diagnostics);
        var resolved = root is null ? null : LockParser.Parse(root, diagnostics);
        if (resolved is null || diagnostics.Count > 0)
        {
            throw new PolicyException(diagnostics.Count > 0 ? diagnostics.Items : [new PolicyDiagnostic(origin, 1, 1, "not a policy lock")]);
        }

        return resolved;
    }

    /// <summary>Reads the lock file at <paramref name="path"/>, under the same 1 MiB limit and strict UTF-8 as policies.</summary>
    /// <exception cref="Core.InputException">The file is missing, too large, unreadable, not UTF-8 or not a valid lock.</exception>
    public static ResolvedPolicy Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new Core.InputException($"policy lock '{path}' does not exist");
        }

        var diagnostics = new DiagnosticBag(path);
        var bytes = YamlFile.ReadBytes(path, LockKind, diagnostics);
        var text = bytes is null ? null : YamlFile.Decode(bytes, LockKind, diagnostics);
        return text is null ? throw new PolicyException(diagnostics.Items) : Read(text, path);
    }

    private static DocumentKind LockKind { get; } = new("policy lock", "policy locks");
}
