using ModelCert.Policy.Parsing;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Submissions;

/// <summary>
/// Reads <c>modelcert.yaml</c> with the same safe reader as policies (size, depth and node limits; no anchors,
/// aliases, tags or duplicate keys) and the same strict typing (booleans only <c>true</c>/<c>false</c>, finite
/// numbers), reporting every problem in the file at once as <c>file:line:column: message</c>.
/// </summary>
public static class SubmissionParser
{
    /// <summary>The submission in <paramref name="path"/> (relative to the working directory, or absolute).</summary>
    /// <exception cref="PolicyException">The file is missing, unreadable or has problems; lists every one with its place.</exception>
    public static SubmissionSpec Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var diagnostics = new DiagnosticBag(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            diagnostics.Add(SourcePosition.FileStart, $"submission file not found (looked for {fullPath})");
            throw new PolicyException(diagnostics.Items);
        }

        var bytes = YamlFile.ReadBytes(fullPath, DocumentKind.Submission, diagnostics);
        var text = bytes is null ? null : YamlFile.Decode(bytes, DocumentKind.Submission, diagnostics);
        var spec = text is null ? null : Parse(text, path, Path.GetDirectoryName(fullPath) ?? fullPath, diagnostics);
        if (spec is null || diagnostics.Count > 0)
        {
            throw new PolicyException([.. diagnostics.Items.OrderBy(d => d.Line).ThenBy(d => d.Column)]);
        }

        return spec;
    }

    /// <summary>The submission in <paramref name="text"/>, or null when reading stopped early; problems go to <paramref name="diagnostics"/>.</summary>
    internal static SubmissionSpec? Parse(string text, string origin, string baseDirectory, DiagnosticBag diagnostics)
    {
        var root = SafeYamlReader.Read(text, DocumentKind.Submission, diagnostics);
        return root is null ? null : new SubmissionReader(diagnostics).Read(root, origin, baseDirectory);
    }
}
