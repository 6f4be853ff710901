namespace ModelCert.Policy.Tests.Support;

/// <summary>A temporary folder of policy files, deleted on dispose. Paths given to the code under test are relative to it.</summary>
internal sealed class PolicyFolder : IDisposable
{
    public PolicyFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "modelcert-policy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> (relative, may contain folders) and returns the name.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return name;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return name;
    }

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Lints <paramref name="name"/> as a user would from this folder (paths shown as given, relative).</summary>
    public IReadOnlyList<PolicyDiagnostic> Lint(string name)
    {
        var diagnostics = PolicyLinter.Lint(PathOf(name));
        return diagnostics.Select(d => d with { File = Relative(d.File) }).ToArray();
    }

    public ResolvedPolicy Resolve(SubmissionContext context, params string[] references) =>
        PolicyResolver.Resolve(references, context, Root);

    public PolicyException ResolveFails(SubmissionContext context, params string[] references)
    {
        try
        {
            Resolve(context, references);
        }
        catch (PolicyException error)
        {
            return error;
        }

        throw new Xunit.Sdk.XunitException("expected a PolicyException, but the policies resolved");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the test result is what matters.
        }
    }

    private string Relative(string file) =>
        file.StartsWith(Root, StringComparison.Ordinal) ? Path.GetRelativePath(Root, file) : file;
}
