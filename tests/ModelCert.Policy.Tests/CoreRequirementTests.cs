using ModelCert.Core.Requirements;
using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests;

public sealed class CoreRequirementTests
{
    public sealed class ToCoreRequirement
    {
        [Fact]
        public void Should_carry_every_field_and_name_the_setter_as_source()
        {
            // Given the NYC pack resolved for New York
            var resolved = PolicyResolver.Resolve(["builtin:nyc-ll144"], Policies.Classification with { Jurisdiction = "US-NY" }, ".");
            var requirement = resolved.Requirements[0];

            // When it is handed to Core's decision engine
            var core = requirement.ToCoreRequirement();

            // Then nothing is lost and the source names policy, version and place
            Assert.Equal((requirement.Id, requirement.Check, 0.8, FailAction.Review, UncertainAction.Review), (core.Id, core.Check, core.Threshold.Min!.Value, core.OnFail, core.OnUncertain));
            Assert.Equal((requirement.Confidence, requirement.MinSample, 0.02), (core.Confidence, core.MinSample, core.Parameters.MinGroupShare!.Value));
            Assert.Equal(requirement.Parameters.Attributes, core.Parameters.Attributes);
            Assert.Equal($"nyc-ll144 1.0.0 (builtin:nyc-ll144:{requirement.MinSetBy!.Line})", core.Source);
        }

        [Theory]
        [InlineData("warn", FailAction.Warn)]
        [InlineData("review", FailAction.Review)]
        [InlineData("block", FailAction.Block)]
        public void Should_map_each_fail_action(string action, FailAction expected)
        {
            // Given a requirement with the action / When converted / Then Core's matching action is used
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One() + $"    on_fail: {action}\n");
            Assert.Equal(expected, Assert.Single(folder.Resolve(Policies.Classification, "p.yaml").Requirements).ToCoreRequirement().OnFail);
        }

        [Theory]
        [InlineData("pass", UncertainAction.Pass)]
        [InlineData("warn", UncertainAction.Warn)]
        [InlineData("review", UncertainAction.Review)]
        [InlineData("fail", UncertainAction.Fail)]
        public void Should_map_each_uncertain_action(string action, UncertainAction expected)
        {
            // Given a requirement with the action / When converted / Then Core's matching action is used
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One() + $"    on_uncertain: {action}\n");
            Assert.Equal(expected, Assert.Single(folder.Resolve(Policies.Classification, "p.yaml").Requirements).ToCoreRequirement().OnUncertain);
        }
    }
}
