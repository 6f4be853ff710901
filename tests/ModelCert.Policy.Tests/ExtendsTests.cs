using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

/// <summary>extends: parents first, files relative to the extending file, builtins, and every way a chain goes wrong.</summary>
public sealed class ExtendsTests
{
    /// <summary>A policy named <paramref name="name"/> extending <paramref name="parents"/> (line 6), with requirement id <paramref name="id"/> from line 7.</summary>
    private static string Extending(string name, string id, params string[] parents) =>
        Policies.With($"extends: [{string.Join(", ", parents)}]\n" + $"""
            requirements:
              - id: {id}
                check: performance.recall
                threshold: {"{"} min: 0.5 {"}"}

            """, name);

    public sealed class Files
    {
        [Fact]
        public void Should_load_parents_first_relative_to_the_extending_file()
        {
            // Given policies/child.yaml extending ./base.yaml beside it and ../shared/common.yaml
            using var folder = new PolicyFolder();
            folder.Write("policies/child.yaml", Extending("child", "c", "./base.yaml", "../shared/common.yaml"));
            folder.Write("policies/base.yaml", Policies.One(name: "base", id: "b"));
            folder.Write("shared/common.yaml", Policies.One(name: "common", id: "s"));

            // When the child is resolved
            var resolved = folder.Resolve(Policies.Classification, "policies/child.yaml");

            // Then parents come first, each shown relative to the reference as given
            Assert.Equal(["policies/base.yaml", "shared/common.yaml", "policies/child.yaml"], resolved.Policies.Select(p => p.Origin));
            Assert.Equal(["b", "s", "c"], resolved.Requirements.Select(r => r.Id));
        }

        [Fact]
        public void Should_load_a_file_reached_twice_once()
        {
            // Given a diamond: top extends left and right, both extend base
            using var folder = new PolicyFolder();
            folder.Write("top.yaml", Extending("top", "t", "left.yaml", "right.yaml"));
            folder.Write("left.yaml", Extending("left", "l", "base.yaml"));
            folder.Write("right.yaml", Extending("right", "r", "base.yaml"));
            folder.Write("base.yaml", Policies.One(name: "base", id: "b"));

            // When it is resolved
            var resolved = folder.Resolve(Policies.Classification, "top.yaml");

            // Then base appears once, before both of its children
            Assert.Equal(["base.yaml", "left.yaml", "right.yaml", "top.yaml"], resolved.Policies.Select(p => p.Origin));
        }

        [Fact]
        public void Should_report_problems_inside_an_extended_file_under_its_own_name()
        {
            // Given a child extending a broken base
            using var folder = new PolicyFolder();
            folder.Write("child.yaml", Extending("child", "c", "base.yaml"));
            folder.Write("base.yaml", Policies.One(name: "base", check: "performance.acuracy"));

            // When it is resolved / Then the diagnostic names base.yaml
            var error = folder.ResolveFails(Policies.Classification, "child.yaml");
            Assert.Equal(["base.yaml:8:12: unknown check 'performance.acuracy'; did you mean 'performance.accuracy'?"], error.Diagnostics.Select(d => d.ToString()));
        }

        [Fact]
        public void Should_report_a_missing_parent_at_the_extends_entry()
        {
            // Given a child extending a file that is not there
            using var folder = new PolicyFolder();
            folder.Write("child.yaml", Extending("child", "c", "./missing.yaml"));

            // When it is resolved
            var diagnostic = Assert.Single(folder.ResolveFails(Policies.Classification, "child.yaml").Diagnostics);

            // Then the entry is pointed at, as written, with where it was looked for
            Assert.Equal(("child.yaml", 6, 11), (diagnostic.File, diagnostic.Line, diagnostic.Column));
            Assert.StartsWith("extends file './missing.yaml' not found (looked for ", diagnostic.Message, StringComparison.Ordinal);
            Assert.EndsWith("missing.yaml)", diagnostic.Message, StringComparison.Ordinal);
        }
    }

    public sealed class Builtins
    {
        [Fact]
        public void Should_extend_a_builtin_pack()
        {
            // Given a policy extending builtin:four-fifths
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Extending("mine", "m", "builtin:four-fifths"));

            // When it is resolved
            var resolved = folder.Resolve(Policies.Classification, "p.yaml");

            // Then the pack's requirement comes first and the pack is a listed policy
            Assert.Equal(["four-fifths.selection-rate-ratio", "m"], resolved.Requirements.Select(r => r.Id));
            Assert.Equal(("four-fifths", "1.0.0", "builtin:four-fifths"), (resolved.Policies[0].Name, resolved.Policies[0].Version, resolved.Policies[0].Origin));
        }

        [Fact]
        public void Should_list_builtins_for_an_unknown_one()
        {
            // Given an extends of a builtin that does not exist
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Extending("mine", "m", "builtin:sr-11-7"));

            // When it is resolved / Then the builtins are listed
            var error = folder.ResolveFails(Policies.Classification, "p.yaml");
            Assert.Equal(["p.yaml:6:11: unknown builtin policy 'sr-11-7'; valid builtins: baseline, eu-ai-act-high-risk, four-fifths, nyc-ll144"], error.Diagnostics.Select(d => d.ToString()));
        }

        [Fact]
        public void Should_suggest_a_misspelt_builtin()
        {
            // Given builtin:four-fifth as a reference
            using var folder = new PolicyFolder();

            // When it is resolved / Then the right name is suggested with the list
            var error = folder.ResolveFails(Policies.Classification, "builtin:four-fifth");
            Assert.Equal(
                ["builtin:four-fifth:1:1: unknown builtin policy 'four-fifth'; did you mean 'four-fifths'? (builtins: baseline, eu-ai-act-high-risk, four-fifths, nyc-ll144)"],
                error.Diagnostics.Select(d => d.ToString()));
        }
    }

    public sealed class Cycles
    {
        [Fact]
        public void Should_report_a_two_file_cycle_with_its_path()
        {
            // Given a.yaml extends b.yaml and b.yaml extends a.yaml
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Extending("a", "ra", "b.yaml"));
            folder.Write("b.yaml", Extending("b", "rb", "a.yaml"));

            // When a.yaml is resolved / Then the cycle is reported where it closes
            var error = folder.ResolveFails(Policies.Classification, "a.yaml");
            Assert.Equal(["b.yaml:6:11: extends cycle: a.yaml -> b.yaml -> a.yaml"], error.Diagnostics.Select(d => d.ToString()));
        }

        [Fact]
        public void Should_report_a_policy_extending_itself()
        {
            // Given a policy extending itself through another spelling of its path
            using var folder = new PolicyFolder();
            folder.Write("dir/a.yaml", Extending("a", "ra", "../dir/./a.yaml"));

            // When it is resolved / Then the cycle is found by the real path
            var error = folder.ResolveFails(Policies.Classification, "dir/a.yaml");
            Assert.Equal(["dir/a.yaml:6:11: extends cycle: dir/a.yaml -> dir/a.yaml"], error.Diagnostics.Select(d => d.ToString()));
        }
    }

    public sealed class Depth
    {
        [Fact]
        public void Should_allow_16_levels_and_refuse_17()
        {
            // Given chains p0 -> p1 -> ... of 17 and 18 files
            using var folder = new PolicyFolder();
            for (var i = 0; i < 18; i++)
            {
                folder.Write($"p{i}.yaml", i == 17 ? Policies.One(name: "p17", id: "r17") : Extending($"p{i}", $"r{i}", $"p{i + 1}.yaml"));
            }

            folder.Write("q16.yaml", Policies.One(name: "q16", id: "r16"));
            folder.Write("short.yaml", Extending("short", "r0", "q1.yaml"));
            for (var i = 1; i < 16; i++)
            {
                folder.Write($"q{i}.yaml", Extending($"q{i}", $"r{i}", $"q{i + 1}.yaml"));
            }

            // When each is resolved
            var allowed = folder.Resolve(Policies.Classification, "short.yaml");
            var error = folder.ResolveFails(Policies.Classification, "p0.yaml");

            // Then 16 levels of extends load, and the 17th is refused at the entry that would add it
            Assert.Equal(17, allowed.Policies.Count);
            var diagnostic = Assert.Single(error.Diagnostics);
            Assert.Equal("p16.yaml:6:11: more than 16 levels of extends: " + string.Join(" -> ", Enumerable.Range(0, 18).Select(i => $"p{i}.yaml")), diagnostic.ToString());
        }
    }
}
