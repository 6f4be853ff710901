using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

using ModelCert.Evidence.Tests.Pack;
using ModelCert.Tests;

using Xunit;

namespace ModelCert.Evidence.Tests;

/// <summary>
/// docs/evidence.md shows how to verify a pack with openssl, jq, coreutils and python3. These tests run exactly the
/// documented blocks (between the begin/end marker comments) with bash against a pack made through the API.
/// </summary>
public sealed class DocsTests
{
    [Theory]
    [InlineData("verify-attestation", "Verified OK")]
    [InlineData("verify-files", "manifest.json: the logged manifest")]
    [InlineData("verify-checkpoint", "Verified OK")]
    [InlineData("verify-inclusion", "inclusion proof OK: entry 2 of 3")]
    public async Task Should_verify_a_pack_with_the_documented_commands(string block, string expected)
    {
        // Given a fresh pack / When the documented lines run
        using var fixture = new PackFixture(earlierEntries: 2);
        var result = await RunAsync(Block(block), fixture.PackFolder, fixture.Temp.File("scratch"), TestContext.Current.CancellationToken);

        // Then they succeed with the documented output
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(expected, result.Out, StringComparison.Ordinal);
        if (block == "verify-files")
        {
            Assert.Contains("results.json: OK", result.Out, StringComparison.Ordinal);
            Assert.Contains("lineage/lineage.json: OK", result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_make_openssl_refuse_a_changed_statement()
    {
        // Given a pack whose statement payload was changed but whose signature was kept
        using var fixture = new PackFixture(earlierEntries: 0);
        var path = Path.Combine(fixture.PackFolder, "attestation.dsse.json");
        var payload = Convert.ToBase64String(fixture.Pack.Attestation.Payload);
        var changed = Convert.ToBase64String(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(fixture.Pack.Attestation.Payload).Replace("certified", "rejected", StringComparison.Ordinal)));
        File.WriteAllText(path, File.ReadAllText(path).Replace(payload, changed, StringComparison.Ordinal));

        // When the documented lines run / Then openssl says the verification failed
        var result = await RunAsync(Block("verify-attestation"), fixture.PackFolder, fixture.Temp.File("scratch"), TestContext.Current.CancellationToken);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Verification failure", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_make_the_inclusion_check_refuse_another_entry()
    {
        using var fixture = new PackFixture(earlierEntries: 3);
        var path = Path.Combine(fixture.PackFolder, "log-proof.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"leaf_index\": 3", "\"leaf_index\": 2", StringComparison.Ordinal));
        var result = await RunAsync(Block("verify-inclusion"), fixture.PackFolder, fixture.Temp.File("scratch"), TestContext.Current.CancellationToken);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("inclusion proof FAILED", result.Out, StringComparison.Ordinal);
    }

    /// <summary>The bash code between <c>&lt;!-- begin: NAME --&gt;</c> and <c>&lt;!-- end: NAME --&gt;</c> in docs/evidence.md.</summary>
    private static string Block(string name)
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "evidence.md"));
        var match = Regex.Match(doc, $"<!-- begin: {Regex.Escape(name)} -->\\s*```bash\\n(?<code>.*?)```\\s*<!-- end: {Regex.Escape(name)} -->", RegexOptions.Singleline);
        Assert.True(match.Success, $"docs/evidence.md has no bash block marked '{name}'");
        return match.Groups["code"].Value;
    }

    private static async Task<ShellResult> RunAsync(string script, string pack, string scratch, CancellationToken cancellation)
    {
        Directory.CreateDirectory(scratch);
        var start = new ProcessStartInfo("bash", ["-euo", "pipefail", "-c", script])
        {
            WorkingDirectory = scratch,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PACK"] = pack;
        start.Environment.Remove("KEY");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        return new ShellResult(process.ExitCode, await output, await error);
    }

    private sealed record ShellResult(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
    }
}
