using Xunit;

namespace ModelCert.Tests;

/// <summary>
/// Locates the external test material (../shared beside the checkout: datasets, models, goldens).
/// When it is absent a test is skipped with the reason, except under CI=true, where it fails instead.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Root = new(FindRoot);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The path of <paramref name="relative"/> under ../shared, or skip/fail when it is not there.</summary>
    public static string Require(string relative)
    {
        var root = Root.Value;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is not null && (File.Exists(path) || Directory.Exists(path)))
        {
            return path;
        }

        var reason = $"external test material '{relative}' was not found (expected ../shared beside the checkout, or MODELCERT_SHARED)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + "; CI=true, so this is a failure, not a skip");
        }

        Assert.Skip(reason);
        return null!;
    }

    private static string? FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("MODELCERT_SHARED");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "global.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (global.json) above " + AppContext.BaseDirectory);
    }
}
