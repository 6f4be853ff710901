using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using ModelCert.Tests;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>
/// report.html in a real browser: headless Chromium (driven by Playwright, using the system's Chromium) opens the
/// report certify wrote for adult_lr, finds the verdict and the charts, and sees no request but the file itself. A
/// full-page screenshot is kept under artifacts/test-results/ for people to look at.
/// </summary>
public sealed class ReportBrowserTests
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public sealed class AdultLr
    {
        [Fact]
        public async Task Should_show_the_verdict_and_charts_without_any_network_request()
        {
            // Given certify's report of adult_lr on the first 2,000 test rows under the four-fifths rule
            var chromium = SystemChromium.Require();
            var test = SharedData.Require("datasets/adult/test.csv");
            var model = SharedData.Require("models/adult/adult_lr.onnx");
            using var temp = new TempFolder();
            var sample = temp.Write("adult-sample.csv", string.Join("\n", File.ReadLines(test).Take(2001)) + "\n");
            var output = temp.File("out");
            var certify = CliRunner.Run(
                "certify", "--model", model, "--data", sample, "--label", "income", "--positive", ">50K", "--protected", "sex,race",
                "--policy", "builtin:four-fifths", "--replicates", "200", "--out", output);
            Assert.True(certify.ExitCode is 0 or 3 or 4, certify.ToString());
            var verdict = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json"))).RootElement.GetProperty("verdict").GetString();
            var report = new Uri(Path.Combine(output, "report.html")).AbsoluteUri;

            // When headless Chromium opens it, with every request recorded (and any but the report refused)
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
            await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 }, JavaScriptEnabled = false });
            var requests = new ConcurrentQueue<string>();
            await context.RouteAsync("**/*", async route =>
            {
                requests.Enqueue(route.Request.Url);
                await (route.Request.Url == report ? route.ContinueAsync() : route.AbortAsync());
            });
            var page = await context.NewPageAsync();
            page.Request += (_, request) => requests.Enqueue(request.Url);
            var console = new ConcurrentQueue<string>();
            page.Console += (_, message) => console.Enqueue(message.Text);
            var response = await page.GotoAsync(report, new() { WaitUntil = WaitUntilState.NetworkIdle });

            // Then the verdict is there in words, at least three charts are drawn, and nothing else was requested
            Assert.NotNull(response);
            var shown = await page.Locator("#verdict").InnerTextAsync();
            Assert.True(verdict == "rejected" && shown.Contains("Rejected", StringComparison.Ordinal), $"results.json says {verdict}; the page shows '{shown}'");
            var charts = page.Locator("svg[role=img]");
            var count = await charts.CountAsync();
            Assert.True(count >= 3, $"expected at least three charts, found {count}");
            foreach (var name in new[] { "ROC curve", "Reliability diagram", "Per-group rates for sex" })
            {
                var box = await page.Locator($"svg[aria-label='{name}']").BoundingBoxAsync();
                Assert.True(box is { Width: > 200, Height: > 100 }, $"chart '{name}' is not drawn at a readable size ({box?.Width}x{box?.Height})");
            }

            var folder = Path.Combine(SharedData.RepositoryRoot, "artifacts", "test-results");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "report-adult_lr.png"), FullPage = true });
            File.Copy(Path.Combine(output, "report.html"), Path.Combine(folder, "report-adult_lr.html"), overwrite: true);
            var others = requests.Where(r => r != report).Distinct().ToList();
            Assert.True(others.Count == 0, $"the report requested {string.Join(", ", others)}");
            Assert.Contains(report, requests);
            Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
    }
}

/// <summary>
/// The system's Chromium (Debian's package; test.sh installs it). Missing outside CI, the test is skipped with the
/// reason; under CI=true it fails instead, so a broken machine cannot pass by skipping.
/// </summary>
internal static class SystemChromium
{
    public static string Require()
    {
        var path = Environment.GetEnvironmentVariable("MODELCERT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (File.Exists(path))
        {
            return path;
        }

        var reason = $"Chromium was not found at {path} (install it with 'apt-get install -y --no-install-recommends chromium', as test.sh does, or set MODELCERT_CHROMIUM)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason + "; CI=true, so this is a failure, not a skip");
        }

        Assert.Skip(reason);
        return null!;
    }
}
