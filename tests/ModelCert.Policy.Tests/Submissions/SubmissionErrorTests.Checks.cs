using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests.Submissions;

public sealed partial class SubmissionErrorTests
{
    public sealed class Consistency
    {
        [Fact]
        public void Should_refuse_a_model_file_together_with_predictions()
        {
            // Given a model to run and predictions to read instead
            var lines = SubmissionFiles.Errors(SubmissionFiles.Minimal + "model:\n  file: m.onnx\npredictions:\n  score_column: p\n");

            // When loaded / Then the contradiction is reported at the predictions section
            Single("modelcert.yaml:7:1: 'predictions' is for models ModelCert does not run; it cannot be used with model.file (leave out one or the other)", lines);
        }

        [Fact]
        public void Should_need_an_id_column_to_join_a_predictions_file()
        {
            // Given a predictions file without the column that joins it to the data
            var lines = SubmissionFiles.Errors(SubmissionFiles.Minimal + "predictions:\n  file: preds.csv\n  score_column: p\n");

            // When loaded / Then the file field is pointed at
            Single("modelcert.yaml:6:3: a predictions 'file' needs 'id_column', the column that joins its scores to the data rows", lines);
        }

        [Fact]
        public void Should_refuse_a_privileged_group_for_an_attribute_that_is_not_protected()
        {
            // Given a privileged group for 'rase' while the attribute is called 'race'
            var lines = SubmissionFiles.Errors(SubmissionFiles.Minimal + "protected:\n  attributes: [sex, race]\n  privileged: { race: White, rase: Black }\n");

            // When loaded / Then the stray key is reported with the attribute it probably meant
            Single("modelcert.yaml:7:30: 'privileged' names 'rase', which is not among the protected attributes; did you mean 'race'?", lines);
        }

        [Fact]
        public void Should_match_privileged_attributes_case_insensitively()
        {
            // Given privileged written with another case than the attribute / When loaded / Then it is accepted
            var spec = SubmissionFiles.Load(SubmissionFiles.Minimal + "protected:\n  attributes: [Sex]\n  privileged: { sex: M }\nevaluation:\n  profile: aif360\n");
            Assert.Equal("M", spec.Protected!.Privileged!["sex"]);
        }

        [Fact]
        public void Should_need_a_privileged_group_per_attribute_for_aif360()
        {
            // Given the aif360 profile with two attributes but one privileged group
            var lines = SubmissionFiles.Errors(SubmissionFiles.Minimal + "protected:\n  attributes: [sex, race]\n  privileged: { sex: Male }\nevaluation:\n  profile: aif360\n");

            // When loaded / Then the profile line names the attribute without one
            Single("modelcert.yaml:9:12: the aif360 profile compares each group with a privileged one; name it in protected.privileged for every attribute (missing: race)", lines);
        }
    }

    public sealed class Policies
    {
        [Fact]
        public void Should_name_an_unknown_builtin_with_a_suggestion()
        {
            // Given a misspelt built-in pack beside a file
            var lines = SubmissionFiles.Errors(SubmissionFiles.Minimal + "policies:\n  - policies/lending.yaml\n  - builtin:four-fiths\n");

            // When loaded / Then the pack is reported at its item with the closest name and the list
            var line = Assert.Single(lines);
            Assert.StartsWith("modelcert.yaml:7:5: unknown builtin policy 'four-fiths'; did you mean 'four-fifths'?", line, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_a_policy_listed_twice()
        {
            // Given the same pack twice / When loaded / Then the repeat is reported
            Single(
                "modelcert.yaml:5:33: 'builtin:four-fifths' is listed twice in 'policies' (names match case-insensitively)",
                SubmissionFiles.Errors(SubmissionFiles.Minimal + "policies: [builtin:four-fifths, builtin:four-fifths]\n"));
        }

        [Fact]
        public void Should_keep_file_references_as_written()
        {
            // Given policy files that do not exist yet (the resolver checks files, relative to the submission)
            var spec = SubmissionFiles.Load(SubmissionFiles.Minimal + "policies: [../shared/policy.yaml, builtin:baseline]\n");

            // When loaded / Then they are kept verbatim
            Assert.Equal(["../shared/policy.yaml", "builtin:baseline"], spec.Policies!);
        }
    }
}
