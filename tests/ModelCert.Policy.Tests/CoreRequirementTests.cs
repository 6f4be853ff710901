using ModelCert.Policy.Tests.Support;

using Xunit;

using Engine = ModelCert.Core.Requirements;

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
            Assert.Equal((requirement.Id, requirement.Check, 0.8, Engine.FailAction.Review, Engine.UncertainAction.Review), (core.Id, core.Check, core.Threshold.Min!.Value, core.OnFail, core.OnUncertain));
            Assert.Equal((requirement.Confidence, requirement.MinSample, 0.02), (core.Confidence, core.MinSample, core.Parameters.MinGroupShare!.Value));
            Assert.Equal(requirement.Parameters.Attributes, core.Parameters.Attributes);
            Assert.Equal($"nyc-ll144 1.0.0 (builtin:nyc-ll144:{requirement.MinSetBy!.Line})", core.Source);
        }

        [Theory]
        [InlineData(FailAction.Warn, Engine.FailAction.Warn)]
        [InlineData(FailAction.Review, Engine.FailAction.Review)]
        [InlineData(FailAction.Block, Engine.FailAction.Block)]
        public void Should_map_each_fail_action(FailAction action, Engine.FailAction expected)
        {
            // Given a requirement with the action / When converted / Then Core's matching action is used
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One() + $"    on_fail: {action.ToString().ToLowerInvariant()}\n");
            Assert.Equal(expected, Assert.Single(folder.Resolve(Policies.Classification, "p.yaml").Requirements).ToCoreRequirement().OnFail);
        }

        [Theory]
        [InlineData(UncertainAction.Pass, Engine.UncertainAction.Pass)]
        [InlineData(UncertainAction.Warn, Engine.UncertainAction.Warn)]
        [InlineData(UncertainAction.Review, Engine.UncertainAction.Review)]
        [InlineData(UncertainAction.Fail, Engine.UncertainAction.Fail)]
        public void Should_map_each_uncertain_action(UncertainAction action, Engine.UncertainAction expected)
        {
            // Given a requirement with the action / When converted / Then Core's matching action is used
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One() + $"    on_uncertain: {action.ToString().ToLowerInvariant()}\n");
            Assert.Equal(expected, Assert.Single(folder.Resolve(Policies.Classification, "p.yaml").Requirements).ToCoreRequirement().OnUncertain);
        }
    }
}
