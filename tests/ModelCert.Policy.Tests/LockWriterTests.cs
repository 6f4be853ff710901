using ModelCert.Policy.Parsing;
using ModelCert.Policy.Tests.Support;
using ModelCert.Policy.Yaml;

using Xunit;

using YamlDotNet.RepresentationModel;

namespace ModelCert.Policy.Tests;

public sealed class LockWriterTests
{
    private static ResolvedPolicy AllPacks(string jurisdiction = "US-NY") =>
        PolicyResolver.Resolve(["builtin:baseline", "builtin:four-fifths", "builtin:nyc-ll144"], Policies.Classification with { Jurisdiction = jurisdiction }, ".");

    public sealed class ToYaml
    {
        [Fact]
        public void Should_be_byte_identical_for_equal_resolutions()
        {
            // Given the same policies resolved twice / When each is written
            var first = PolicyLockWriter.ToYaml(AllPacks());
            var second = PolicyLockWriter.ToYaml(AllPacks());

            // Then the texts are identical
            Assert.Equal(first, second);
        }

        [Fact]
        public void Should_read_back_with_yamldotnet_with_every_requirement_and_its_provenance()
        {
            // Given the lock of all packs (some requirements out of scope in the EU)
            var resolved = AllPacks("EU");
            var yaml = PolicyLockWriter.ToYaml(resolved);

            // When YamlDotNet loads it
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var root = (YamlMappingNode)stream.Documents.Single().RootNode;

            // Then the requirements, policies and out-of-scope entries are all there, with values intact
            var requirements = (YamlSequenceNode)root["requirements"];
            Assert.Equal(resolved.Requirements.Select(r => r.Id), requirements.Select(n => ((YamlScalarNode)n["id"]).Value));
            Assert.Equal(resolved.Policies.Select(p => p.Sha256), ((YamlSequenceNode)root["policies"]).Select(n => ((YamlScalarNode)n["sha256"]).Value));
            Assert.Equal(3 + 1, ((YamlSequenceNode)root["out_of_scope"]).Children.Count);
            var ratio = requirements.Single(n => ((YamlScalarNode)n["id"]).Value == "four-fifths.selection-rate-ratio");
            Assert.Equal("0.8", ((YamlScalarNode)ratio["threshold"]["min"]).Value);
            Assert.Equal("builtin:four-fifths", ((YamlScalarNode)ratio["provenance"]["min"]["origin"]).Value);
            Assert.Equal(resolved.Requirements.Single(r => r.Id == "four-fifths.selection-rate-ratio").Rationale, ((YamlScalarNode)ratio["rationale"]).Value);
            Assert.Equal("1.0.0", ((YamlScalarNode)ratio["provenance"]["declared_by"][0]["version"]).Value);
        }

        [Fact]
        public void Should_pass_our_own_safe_reader()
        {
            // Given the lock of all packs / When read with the policy reader's limits
            var bag = new DiagnosticBag("policy.lock.yaml");
            var root = SafeYamlReader.Read(PolicyLockWriter.ToYaml(AllPacks()), bag);

            // Then it reads without a single problem
            Assert.NotNull(root);
            Assert.True(bag.Count == 0, string.Join("\n", bag.Items));
        }

        [Fact]
        public void Should_quote_texts_that_yaml_would_misread()
        {
            // Given a requirement whose texts look like YAML values or hold special characters
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One(check: "data-quality.completeness")
                + "    title: \"yes\"\n    rationale: \"1.0\"\n    remediation: \"line one\\nline \\\"two\\\": #x\"\n    references: [\"off\", \"a: b\", \"- c\", \"null\"]\n"
                + "    params: { columns: [\"true\", \"~\", \"x y\"] }\n");
            var resolved = folder.Resolve(Policies.Classification, "p.yaml");

            // When written and read back by YamlDotNet
            var stream = new YamlStream();
            stream.Load(new StringReader(PolicyLockWriter.ToYaml(resolved)));
            var requirement = ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["requirements"])[0];

            // Then every text comes back as the same string, quoted where needed
            Assert.Equal("yes", ((YamlScalarNode)requirement["title"]).Value);
            Assert.Equal(YamlDotNet.Core.ScalarStyle.DoubleQuoted, ScalarStyleOf(requirement["title"]));
            Assert.Equal("1.0", ((YamlScalarNode)requirement["rationale"]).Value);
            Assert.Equal("line one\nline \"two\": #x", ((YamlScalarNode)requirement["remediation"]).Value);
            Assert.Equal(["off", "a: b", "- c", "null"], ((YamlSequenceNode)requirement["references"]).Select(n => ((YamlScalarNode)n).Value));
            Assert.Equal(["true", "~", "x y"], ((YamlSequenceNode)requirement["params"]["columns"]).Select(n => ((YamlScalarNode)n).Value));
        }

        [Fact]
        public void Should_write_only_the_parameters_the_check_takes_with_defaults()
        {
            // Given accuracy (no parameters) and four-fifths (group parameters)
            using var folder = new PolicyFolder();
            folder.Write("p.yaml", Policies.One());
            var yaml = PolicyLockWriter.ToYaml(folder.Resolve(Policies.Classification, "p.yaml", "builtin:four-fifths"));

            // When written / Then accuracy has empty params and the ratio lists each of its five
            Assert.Contains("    check: performance.accuracy\n    params: {}\n", yaml, StringComparison.Ordinal);
            Assert.Contains(
                "    params:\n      attributes: all\n      intersections: false\n      min_group_size: null\n      min_group_share: null\n      privileged: {}\n    threshold:\n",
                yaml,
                StringComparison.Ordinal);
        }

        private static YamlDotNet.Core.ScalarStyle ScalarStyleOf(YamlNode node) => ((YamlScalarNode)node).Style;
    }
}
