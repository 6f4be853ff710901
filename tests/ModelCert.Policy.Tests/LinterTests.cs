using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed class LinterTests
{
    public sealed class Lint
    {
        [Fact]
        public void Should_return_nothing_for_a_clean_policy()
        {
            // Given a valid policy / When it is linted / Then the list is empty
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One());
            Assert.Empty(folder.Lint("p.yaml"));
        }

        [Fact]
        public void Should_follow_extends_and_report_every_file()
        {
            // Given a child with a typo extending a parent with another
            using var folder = new PolicyFolder();
            folder.Write("child.yaml", Policies.With("extends: [parent.yaml]\nrequirments: []\n", "child"));
            folder.Write("parent.yaml", Policies.One(name: "parent") + "    on_fail: stop\n");

            // When the child is linted
            var lines = folder.Lint("child.yaml").Select(d => d.ToString()).ToArray();

            // Then both files' problems are listed, the linted file first
            Assert.Equal(
                [
                    "child.yaml:7:1: unknown field 'requirments' in policy; did you mean 'requirements'?",
                    "parent.yaml:11:14: 'on_fail' must be one of block, review, warn; found 'stop'",
                ],
                lines);
        }

        [Fact]
        public void Should_report_conflicts_between_parents_whatever_their_scope()
        {
            // Given two parents, one scoped to regression, disagreeing on the check for one id
            using var folder = new PolicyFolder();
            folder.Write("a.yaml", Policies.One(name: "a", id: "r") + "scope: { tasks: [regression] }\n");
            folder.Write("b.yaml", Policies.One(name: "b", id: "r", check: "performance.recall"));
            folder.Write("top.yaml", Policies.With("extends: [a.yaml, b.yaml]\n", "top"));

            // When the top policy is linted
            var diagnostic = Assert.Single(folder.Lint("top.yaml"));

            // Then the conflict is found although no submission is involved
            Assert.Equal(("b.yaml", 8, 12), (diagnostic.File, diagnostic.Line, diagnostic.Column));
            Assert.StartsWith("requirement 'r' uses check 'performance.recall' here but check 'performance.accuracy' in ", diagnostic.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_lint_a_builtin_by_name()
        {
            // Given a builtin reference / When linted / Then it is clean
            Assert.Empty(PolicyLinter.Lint("builtin:nyc-ll144"));
        }
    }
}
