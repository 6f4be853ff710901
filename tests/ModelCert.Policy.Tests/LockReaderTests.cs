using ModelCert.Core.Requirements;
using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed class LockReaderTests
{
    private static ResolvedPolicy AllPacks(string jurisdiction) =>
        PolicyResolver.Resolve([.. BuiltinPacks.Names.Select(n => "builtin:" + n)], Policies.Classification with { Jurisdiction = jurisdiction }, ".");

    public sealed class Read
    {
        [Theory]
        [InlineData("US-NY")]
        [InlineData("EU")]
        public void Should_give_back_the_resolution_that_was_written(string jurisdiction)
        {
            // Given every built-in pack resolved (in the EU some requirements are out of scope) and written as a lock
            var resolved = AllPacks(jurisdiction);
            var yaml = PolicyLockWriter.ToYaml(resolved);

            // When the lock is read back
            var read = PolicyLockReader.Read(yaml, "policy.lock.yaml");

            // Then writing it again gives the same bytes, and every requirement decides as the original would
            Assert.Equal(yaml, PolicyLockWriter.ToYaml(read));
            Assert.Equal(resolved.Requirements.Count, read.Requirements.Count);
            foreach (var (expected, actual) in resolved.Requirements.Zip(read.Requirements))
            {
                var (e, a) = (expected.ToCoreRequirement(), actual.ToCoreRequirement());
                Assert.True(e with { Parameters = a.Parameters, References = a.References } == a, $"requirement {e.Id} differs after the round trip");
                Assert.Equal(e.References, a.References);
                Assert.Equal(e.Parameters.Attributes, a.Parameters.Attributes);
                Assert.Equal(e.Parameters.Intersections, a.Parameters.Intersections);
                Assert.Equal(e.Parameters.MinGroupSize, a.Parameters.MinGroupSize);
                Assert.Equal(e.Parameters.MinGroupShare, a.Parameters.MinGroupShare);
                Assert.Equal(e.Parameters.Values.OrderBy(v => v.Key), a.Parameters.Values.OrderBy(v => v.Key));
            }

            Assert.Equal(resolved.Policies, read.Policies);
            Assert.Equal(resolved.OutOfScope, read.OutOfScope);
        }

        [Fact]
        public void Should_read_typed_parameters_and_texts_that_need_quoting()
        {
            // Given a requirement with texts that look like YAML values and typed list parameters
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One(check: "data-quality.completeness")
                + "    title: \"yes\"\n    rationale: \"null\"\n    references: [\"off\", \"a: b\"]\n    params: { columns: [\"true\", \"x y\"] }\n");
            var resolved = folder.Resolve(Policies.Classification, "p.yaml");

            // When written and read back
            var requirement = PolicyLockReader.Read(PolicyLockWriter.ToYaml(resolved), "lock").Requirements.Single();

            // Then every value is the same string or number as before
            Assert.Equal("yes", requirement.Title);
            Assert.Equal("null", requirement.Rationale);
            Assert.Equal(["off", "a: b"], requirement.References);
            Assert.Equal(["true", "x y"], requirement.Parameters.Columns);
            Assert.Equal(0.7, requirement.Threshold.Min);
            Assert.Equal(FailAction.Block, requirement.OnFail);
        }

        [Fact]
        public void Should_report_every_problem_of_a_damaged_lock_with_its_line()
        {
            // Given a lock whose kind, threshold, confidence and check were changed by hand
            var yaml = PolicyLockWriter.ToYaml(AllPacks("US-NY"))
                .Replace("kind: PolicyLock", "kind: Policy", StringComparison.Ordinal)
                .Replace("confidence: 0.95", "confidence: 1.5", StringComparison.Ordinal)
                .Replace("check: performance.accuracy", "check: performance.made-up", StringComparison.Ordinal);

            // When it is read
            var error = Assert.Throws<PolicyException>(() => PolicyLockReader.Read(yaml, "pack/policy.lock.yaml"));

            // Then each problem is named, with the file and line
            Assert.Contains(error.Diagnostics, d => d.Message.Contains("'kind' must be PolicyLock", StringComparison.Ordinal) && d.Line == 3);
            Assert.Contains(error.Diagnostics, d => d.Message.Contains("'confidence' must be a number between 0 and 1", StringComparison.Ordinal));
            Assert.Contains(error.Diagnostics, d => d.Message.Contains("unknown check 'performance.made-up'", StringComparison.Ordinal));
            Assert.All(error.Diagnostics, d => Assert.Equal("pack/policy.lock.yaml", d.File));
        }

        [Theory]
        [InlineData("")]
        [InlineData("[")]
        [InlineData("apiVersion: modelcert/v1\nkind: PolicyLock\n")]
        [InlineData("- a\n- b\n")]
        public void Should_refuse_what_is_not_a_lock_without_crashing(string yaml)
        {
            // Given text that is no lock / When read / Then a PolicyException with at least one diagnostic
            var error = Assert.Throws<PolicyException>(() => PolicyLockReader.Read(yaml, "lock"));
            Assert.NotEmpty(error.Diagnostics);
        }
    }
}
