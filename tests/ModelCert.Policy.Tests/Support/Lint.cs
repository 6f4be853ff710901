using Xunit;

namespace ModelCert.Policy.Tests.Support;

/// <summary>Lints policy text written to p.yaml and asserts on the diagnostics as printed (file:line:column: message).</summary>
internal static class Lint
{
    public static string[] Of(string yaml)
    {
        using var folder = new PolicyFolder();
        folder.Write("p.yaml", yaml);
        return folder.Lint("p.yaml").Select(d => d.ToString()).ToArray();
    }

    public static void Contains(string expected, IReadOnlyCollection<string> lines) =>
        Assert.True(lines.Contains(expected), $"expected the diagnostic\n  {expected}\nbut got:\n  {string.Join("\n  ", lines)}");

    public static void Single(string expected, IReadOnlyCollection<string> lines) =>
        Assert.True(lines.Count == 1 && lines.Contains(expected), $"expected exactly the diagnostic\n  {expected}\nbut got:\n  {string.Join("\n  ", lines)}");

    public static void Clean(IReadOnlyCollection<string> lines, string what) =>
        Assert.True(lines.Count == 0, $"expected {what} to lint clean, but got:\n  {string.Join("\n  ", lines)}");
}
