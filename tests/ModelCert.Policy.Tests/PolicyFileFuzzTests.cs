using System.Globalization;
using System.Text.RegularExpressions;

using ModelCert.Core;
using ModelCert.Policy.Submissions;
using ModelCert.Policy.Tests.Support;
using ModelCert.Tests;

using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>
/// Seeded structural mutations of real policies, policy locks and submissions, written to disk and read through the
/// public entry points the CLI uses (<see cref="PolicyResolver"/>, <see cref="PolicyLinter"/>,
/// <see cref="PolicyLockReader"/>, <see cref="SubmissionParser"/>). Each one either reads, or fails with an
/// <see cref="InputException"/> naming the file; no other exception escapes, and nothing hangs.
/// </summary>
public sealed partial class PolicyFileFuzzTests
{
    private const int Seed = 20_261_122;

    public sealed class Policies
    {
        [Fact]
        public void Should_resolve_or_refuse_every_mutated_policy()
        {
            // Given the built-in packs, the docs example and a file extending a local parent, each mutated with a seed
            using var folder = new PolicyFolder();
            folder.Write("base.yaml", Support.Policies.One(name: "base", id: "base-accuracy"));
            var seeds = BuiltinPacks.Names.Select(BuiltinPacks.ReadText)
                .Append(DocsYaml("policies.md")[0])
                .Append(Support.Policies.One().Replace("requirements:", "extends: [./base.yaml, builtin:four-fifths]\nrequirements:", StringComparison.Ordinal))
                .ToArray();
            var mutator = new YamlMutator(Seed);
            var failures = new List<string>();
            var read = 0;
            const int Cases = 240;
            for (var i = 0; i < Cases; i++)
            {
                var (name, bytes) = mutator.Mutate(seeds[i % seeds.Length]);
                var file = folder.Write(Invariant($"case-{i}.yaml"), bytes);
                var label = Invariant($"seed {Seed} case {i} ({name})");

                // When it is resolved and linted as the CLI would
                read += ExpectReadOrRefused(() => folder.Resolve(Support.Policies.Classification, file), file, label, failures) ? 1 : 0;
                ExpectNoThrow(() => PolicyLinter.Lint(folder.PathOf(file)), label, failures);
            }

            // Then every one resolved, or was refused with an InputException naming the file
            AssertProperty(failures, Cases, read);
        }
    }

    public sealed class Locks
    {
        [Fact]
        public void Should_read_or_refuse_every_mutated_policy_lock()
        {
            // Given the lock of a real resolution, mutated with a seed
            using var folder = new PolicyFolder();
            var resolved = PolicyResolver.Resolve(["builtin:eu-ai-act-high-risk", "builtin:four-fifths"], Support.Policies.Classification, folder.Root);
            var lockText = PolicyLockWriter.ToYaml(resolved);
            var mutator = new YamlMutator(Seed + 1);
            var failures = new List<string>();
            var read = 0;
            const int Cases = 120;
            for (var i = 0; i < Cases; i++)
            {
                var (name, bytes) = mutator.Mutate(lockText);
                var path = folder.PathOf(folder.Write(Invariant($"lock-{i}.yaml"), bytes));

                // When it is read back as certify --reproduce reads it
                read += ExpectReadOrRefused(() => PolicyLockReader.Load(path), path, Invariant($"seed {Seed + 1} case {i} ({name})"), failures) ? 1 : 0;
            }

            // Then every one was read, or refused with an InputException naming the file
            AssertProperty(failures, Cases, read);
        }
    }

    public sealed class Submissions
    {
        [Fact]
        public void Should_read_or_refuse_every_mutated_submission()
        {
            // Given the full test submission and the examples of docs/submission.md, mutated with a seed
            using var folder = new PolicyFolder();
            var seeds = DocsYaml("submission.md").Append(SubmissionFiles.Full).ToArray();
            var mutator = new YamlMutator(Seed + 2);
            var failures = new List<string>();
            var read = 0;
            const int Cases = 120;
            for (var i = 0; i < Cases; i++)
            {
                var (name, bytes) = mutator.Mutate(seeds[i % seeds.Length]);
                var path = folder.PathOf(folder.Write(Invariant($"modelcert-{i}.yaml"), bytes));

                // When it is loaded as certify --submission loads it
                read += ExpectReadOrRefused(() => SubmissionParser.Load(path), path, Invariant($"seed {Seed + 2} case {i} ({name})"), failures) ? 1 : 0;
            }

            // Then every one was read, or refused with an InputException naming the file
            AssertProperty(failures, Cases, read);
        }
    }

    public sealed class WorstCases
    {
        [Fact]
        public void Should_refuse_a_policy_lock_over_1_MiB_before_reading_it()
        {
            // Given a lock file padded past 1 MiB with a comment (it was read whole, without a limit)
            using var folder = new PolicyFolder();
            var path = folder.PathOf(folder.Write("policy.lock.yaml", "# " + new string('x', (1024 * 1024) + 10) + "\n"));

            // When it is loaded
            var error = Assert.Throws<PolicyException>(() => PolicyLockReader.Load(path));

            // Then the one problem names the file, the size found and the limit
            Expect.Equal($"{path}:1:1: the policy lock file is 1048589 bytes; the limit is 1048576 (1 MiB)", error.Message, "message");
        }

        [Fact]
        public void Should_refuse_a_policy_lock_that_is_not_utf8()
        {
            // Given a lock whose bytes are not UTF-8 (they were decoded with replacement characters)
            using var folder = new PolicyFolder();
            var path = folder.PathOf(folder.Write("policy.lock.yaml", [.. "apiVersion: modelcert/v1\nkind: PolicyLock\n# "u8, 0xFF, 0xFE, (byte)'\n']));

            // When it is loaded
            var error = Assert.Throws<PolicyException>(() => PolicyLockReader.Load(path));

            // Then it says so, naming the file
            Expect.Equal($"{path}:1:1: the policy lock file is not valid UTF-8 text", error.Message, "message");
        }

        [Fact]
        public void Should_refuse_an_alias_bomb_in_a_policy_file_without_expanding_it()
        {
            // Given a policy whose metadata holds nine levels of aliases of aliases (9^9 nodes if expanded)
            using var folder = new PolicyFolder();
            var text = Support.Policies.One().Replace("  version: 1.0.0\n", "  version: 1.0.0\n" + string.Join('\n', YamlMutator.AliasBomb("  ")) + "\n", StringComparison.Ordinal);
            folder.Write("bomb.yaml", text);

            // When it is resolved
            var error = folder.ResolveFails(Support.Policies.Classification, "bomb.yaml");

            // Then anchors and aliases are reported where they are, in the named file
            Assert.Contains(error.Diagnostics, d => d.File == "bomb.yaml" && d.Line == 6 && d.Message.StartsWith("anchors (&b0) are not allowed", StringComparison.Ordinal));
            Assert.Contains(error.Diagnostics, d => d.File == "bomb.yaml" && d.Line == 7 && d.Message.StartsWith("aliases (*b0) are not allowed", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData('[')]
        [InlineData('{')]
        public void Should_stop_10000_levels_of_nesting_in_a_submission(char opener)
        {
            // Given a submission whose data.test value opens 10,000 levels
            using var folder = new PolicyFolder();
            var path = folder.PathOf(folder.Write("modelcert.yaml", SubmissionFiles.Minimal.Replace("test.csv", new string(opener, 10_000), StringComparison.Ordinal)));

            // When it is loaded
            var error = Assert.Throws<PolicyException>(() => SubmissionParser.Load(path));

            // Then reading stops at the depth limit, naming file and place
            Expect.Contains($"{path}:4:", error.Message, "file and line");
            Expect.Contains("nesting deeper than 32 levels; a submission never needs this", error.Message, "reason");
        }
    }

    /// <summary>The YAML examples of a page under docs/.</summary>
    internal static string[] DocsYaml(string page) =>
        [.. YamlBlock().Matches(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", page))).Select(m => m.Groups["yaml"].Value)];

    /// <summary>True when <paramref name="read"/> succeeded; a refusal or a crash is false (a crash is also a failure).</summary>
    private static bool ExpectReadOrRefused(Action read, string file, string label, List<string> failures)
    {
        try
        {
            read();
            return true;
        }
        catch (InputException error)
        {
            if (!error.Message.Contains(file, StringComparison.Ordinal))
            {
                failures.Add($"{label}: refused without naming '{file}': {Shorten(error.Message)}");
            }

            return false;
        }
#pragma warning disable CA1031 // Every other exception is the finding this test exists to report.
        catch (Exception error)
#pragma warning restore CA1031
        {
            failures.Add($"{label}: threw {error.GetType().Name}: {Shorten(error.Message)} at {Shorten(error.StackTrace ?? string.Empty)}");
            return false;
        }
    }

    /// <summary>Fails with every broken case; also when the mutations never (or always) left a readable file, which would mean they test nothing.</summary>
    private static void AssertProperty(List<string> failures, int cases, int read)
    {
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases} cases broke the property:\n{string.Join('\n', failures.Take(30))}");
        Assert.InRange(read, 1, cases - 1);
    }

    private static void ExpectNoThrow(Func<IReadOnlyList<PolicyDiagnostic>> lint, string label, List<string> failures)
    {
        try
        {
            if (lint().FirstOrDefault(d => d.File.Length == 0 || d.Line < 1 || d.Column < 1) is { } bad)
            {
                failures.Add($"{label}: lint gave a diagnostic without a place: {bad}");
            }
        }
#pragma warning disable CA1031 // As above: the linter answers with diagnostics, never an exception.
        catch (Exception error)
#pragma warning restore CA1031
        {
            failures.Add($"{label}: lint threw {error.GetType().Name}: {Shorten(error.Message)} at {Shorten(error.StackTrace ?? string.Empty)}");
        }
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 400 ? line : line[..400] + "...";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
