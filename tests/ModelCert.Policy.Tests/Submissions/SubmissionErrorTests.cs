using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests.Submissions;

/// <summary>Each kind of mistake in a submission file, reported at its exact file:line:column, all at once.</summary>
public sealed partial class SubmissionErrorTests
{
    private static void Single(string expected, string[] lines) =>
        Assert.True(lines.Length == 1 && lines[0] == expected, $"expected exactly\n  {expected}\nbut got:\n  {string.Join("\n  ", lines)}");

    public sealed class Structure
    {
        [Fact]
        public void Should_require_the_evaluation_data()
        {
            // Given a submission without data, and one whose data has no test file
            var withoutData = SubmissionFiles.Errors("apiVersion: modelcert/v1\nkind: Submission\npolicies: [builtin:four-fifths]\n");
            var withoutTest = SubmissionFiles.Errors("apiVersion: modelcert/v1\nkind: Submission\ndata:\n  label: y\n");

            // When loaded / Then each names what is missing, where it belongs
            Single("modelcert.yaml:1:1: missing required field 'data' in submission", withoutData);
            Single("modelcert.yaml:4:3: missing required field 'test' in data", withoutTest);
        }

        [Fact]
        public void Should_check_api_version_and_kind()
        {
            // Given a policy passed where a submission belongs, with an old apiVersion
            var lines = SubmissionFiles.Errors("apiVersion: modelcert/v0\nkind: Policy\ndata:\n  test: t.csv\n");

            // When loaded / Then both are reported, and the policy is recognised
            Assert.Equal(
                ["modelcert.yaml:1:13: 'apiVersion' must be 'modelcert/v1'; found 'modelcert/v0'",
                 "modelcert.yaml:2:7: 'kind' must be 'Submission'; found 'Policy' (this is a policy: list it under 'policies' of a submission, or pass it with --policy)"],
                lines);
        }

        [Fact]
        public void Should_require_a_mapping_at_the_root_and_for_each_section()
        {
            // Given a list at the root, and a section written as text
            Single("modelcert.yaml:1:1: 'submission' must be a mapping of fields (key: value)", SubmissionFiles.Errors("- data\n"));
            Single("modelcert.yaml:5:8: 'model' must be a mapping of fields (key: value)", SubmissionFiles.Errors(SubmissionFiles.Minimal + "model: loan.onnx\n"));
        }

        [Fact]
        public void Should_reject_a_repeated_key_naming_the_first()
        {
            // Given a label written twice (YAML would silently keep the second)
            var lines = SubmissionFiles.Errors(SubmissionFiles.Minimal + "  label: a\n  label: b\n");

            // When loaded / Then the second is reported with the line of the first
            Single("modelcert.yaml:6:3: duplicate key 'label' (first at line 5)", lines);
        }

        [Fact]
        public void Should_report_every_problem_at_once_in_file_order()
        {
            // Given a file with a problem in four sections
            var yaml = SubmissionFiles.Minimal + "evaluation:\n  seed: -1\nmodel:\n  treshold: 0.5\noutput:\n  format: html\nprotected:\n  intersections: yes\n";

            // When loaded / Then all four are listed, ordered by line
            Assert.Equal(
                ["modelcert.yaml:6:9: 'seed' must be a whole number from 0 to 18446744073709551615; found '-1'",
                 "modelcert.yaml:8:3: unknown field 'treshold' in model; did you mean 'threshold'?",
                 "modelcert.yaml:10:11: 'format' must be one of table, json, junit, markdown; found 'html'",
                 "modelcert.yaml:12:18: 'intersections' must be true or false; found 'yes' (write true or false in lower case; yes/no/on/off mean different things to different YAML readers)"],
                SubmissionFiles.Errors(yaml));
        }
    }

    public sealed class UnknownFields
    {
        [Theory]
        [InlineData("polices: [builtin:four-fifths]", "modelcert.yaml:5:1: unknown field 'polices' in submission; did you mean 'policies'?")]
        [InlineData("evaluation:\n  replicate: 10", "modelcert.yaml:6:3: unknown field 'replicate' in evaluation; did you mean 'replicates'?")]
        [InlineData("predictions:\n  scoreColumn: p", "modelcert.yaml:6:3: unknown field 'scoreColumn' in predictions; did you mean 'score_column'?")]
        [InlineData("card:\n  intended-use: x", "modelcert.yaml:6:3: unknown field 'intended-use' in card; did you mean 'intended_use'?")]
        [InlineData("provenance:\n  licence: x", "modelcert.yaml:6:3: unknown field 'licence' in provenance; valid fields: source, collection_period, legal_basis, consent_column, retention_until")]
        public void Should_suggest_the_closest_field_or_list_them(string text, string expected)
        {
            // Given a misspelt or foreign field / When loaded / Then the canonical name is suggested, or the valid ones listed
            Single(expected, SubmissionFiles.Errors(SubmissionFiles.Minimal + text + "\n"));
        }

        [Fact]
        public void Should_report_a_misspelt_data_field_beside_the_missing_test()
        {
            // Given data.test written as data.tset
            var lines = SubmissionFiles.Errors("apiVersion: modelcert/v1\nkind: Submission\ndata:\n  tset: t.csv\n");

            // When loaded / Then both the typo and the missing field are reported
            Assert.Equal(["modelcert.yaml:4:3: unknown field 'tset' in data; did you mean 'test'?", "modelcert.yaml:4:3: missing required field 'test' in data"], lines);
        }
    }
}
