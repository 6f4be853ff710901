using ModelCert.Policy.Tests.Support;

using Xunit;

namespace ModelCert.Policy.Tests.Submissions;

public sealed partial class SubmissionErrorTests
{
    public sealed class Numbers
    {
        [Theory]
        [InlineData(".nan")]
        [InlineData("NaN")]
        [InlineData(".inf")]
        [InlineData("-.Inf")]
        [InlineData("1e999")]
        public void Should_reject_a_threshold_that_is_not_finite(string value)
        {
            // Given a NaN or infinite threshold / When loaded / Then it is refused at the value
            Single($"modelcert.yaml:6:14: 'threshold' must be a finite number; found '{value}'", SubmissionFiles.Errors(SubmissionFiles.Minimal + "model:\n  threshold: " + value + "\n"));
        }

        [Theory]
        [InlineData("threshold: \"0.5\"", "modelcert.yaml:6:14: 'threshold' must be a number, not quoted text; found '\"0.5\"' (remove the quotes)")]
        [InlineData("threshold: half", "modelcert.yaml:6:14: 'threshold' must be a number; found 'half'")]
        [InlineData("positive_index: 1.5", "modelcert.yaml:6:19: 'positive_index' must be a whole number; found '1.5'")]
        [InlineData("positive_index: -1", "modelcert.yaml:6:19: 'positive_index' must be 0 or more; found -1")]
        public void Should_name_the_expected_number(string line, string expected)
        {
            // Given a model number of the wrong kind / When loaded / Then the message says what was expected and found
            Single(expected, SubmissionFiles.Errors(SubmissionFiles.Minimal + "model:\n  " + line + "\n"));
        }

        [Theory]
        [InlineData("replicates: 100001", "modelcert.yaml:6:15: 'replicates' must be between 0 and 100000; found 100001")]
        [InlineData("replicates: -5", "modelcert.yaml:6:15: 'replicates' must be 0 or more; found -5")]
        [InlineData("confidence: 1", "modelcert.yaml:6:15: 'confidence' must be between 0 and 1 (exclusive), e.g. 0.95; found 1")]
        [InlineData("confidence: 0", "modelcert.yaml:6:15: 'confidence' must be between 0 and 1 (exclusive), e.g. 0.95; found 0")]
        [InlineData("confidence: .nan", "modelcert.yaml:6:15: 'confidence' must be a finite number; found '.nan'")]
        [InlineData("seed: 1.5", "modelcert.yaml:6:9: 'seed' must be a whole number from 0 to 18446744073709551615; found '1.5'")]
        [InlineData("seed: 18446744073709551616", "modelcert.yaml:6:9: 'seed' must be a whole number from 0 to 18446744073709551615; found '18446744073709551616'")]
        [InlineData("seed: \"42\"", "modelcert.yaml:6:9: 'seed' must be a whole number from 0 to 18446744073709551615, not quoted text; found '\"42\"' (remove the quotes)")]
        public void Should_keep_evaluation_settings_in_range(string line, string expected)
        {
            // Given an evaluation setting outside its range / When loaded / Then the range is named with the value found
            Single(expected, SubmissionFiles.Errors(SubmissionFiles.Minimal + "evaluation:\n  " + line + "\n"));
        }

        [Fact]
        public void Should_accept_the_range_ends()
        {
            // Given the extremes of each setting / When loaded / Then they are kept
            var spec = SubmissionFiles.Load(SubmissionFiles.Minimal + "evaluation:\n  replicates: 100000\n  seed: 0\n  confidence: 0.999\nmodel:\n  positive_index: 0\n  threshold: -2.5\n");
            Assert.Equal((100000, 0UL, 0.999, 0, -2.5), (spec.Evaluation!.Replicates, spec.Evaluation.Seed, spec.Evaluation.Confidence, spec.Model!.PositiveIndex, spec.Model.Threshold));
        }
    }

    public sealed class BooleansAndChoices
    {
        [Theory]
        [InlineData("on", "modelcert.yaml:6:18: 'intersections' must be true or false; found 'on' (write true or false in lower case; yes/no/on/off mean different things to different YAML readers)")]
        [InlineData("True", "modelcert.yaml:6:18: 'intersections' must be true or false; found 'True' (write true or false in lower case; yes/no/on/off mean different things to different YAML readers)")]
        [InlineData("\"false\"", "modelcert.yaml:6:18: 'intersections' must be true or false, not quoted text; found '\"false\"' (remove the quotes)")]
        [InlineData("1", "modelcert.yaml:6:18: 'intersections' must be true or false; found '1'")]
        public void Should_take_only_true_or_false(string value, string expected)
        {
            // Given intersections written the YAML 1.1 way, capitalised, quoted or as a number / When loaded / Then refused
            Single(expected, SubmissionFiles.Errors(SubmissionFiles.Minimal + "protected:\n  intersections: " + value + "\n"));
        }

        [Theory]
        [InlineData("evaluation:\n  profile: strickt", "modelcert.yaml:6:12: 'profile' must be one of strict, fairlearn, aif360; found 'strickt'; did you mean 'strict'?")]
        [InlineData("model:\n  task: classification", "modelcert.yaml:6:9: 'task' must be one of binary_classification, regression; found 'classification'; did you mean 'binary_classification'?")]
        [InlineData("context:\n  risk_tier: High", "modelcert.yaml:6:14: 'risk_tier' must be one of minimal, limited, high, unacceptable; found 'High'; did you mean 'high'?")]
        [InlineData("output:\n  format: JSON", "modelcert.yaml:6:11: 'format' must be one of table, json, junit, markdown; found 'JSON'; did you mean 'json'?")]
        public void Should_list_the_choices_and_suggest_one(string text, string expected)
        {
            // Given an enumerated field with a value outside its choices / When loaded / Then the choices are listed
            Single(expected, SubmissionFiles.Errors(SubmissionFiles.Minimal + text + "\n"));
        }
    }

    public sealed class Shapes
    {
        [Theory]
        [InlineData("model:\n  features: income", "modelcert.yaml:6:13: 'features' must be a non-empty list, e.g. [income, age, tenure]")]
        [InlineData("model:\n  features: []", "modelcert.yaml:6:13: 'features' must be a non-empty list, e.g. [income, age, tenure]")]
        [InlineData("model:\n  features: [a, A]", "modelcert.yaml:6:17: 'A' is listed twice in 'features' (names match case-insensitively)")]
        [InlineData("model:\n  input_map: [a, b]", "modelcert.yaml:6:14: 'input_map' must be a mapping, e.g. { onnx_input: column }")]
        [InlineData("model:\n  input_map: { x: [a] }", "modelcert.yaml:6:19: 'input_map' value of 'x' must be a single non-empty value")]
        [InlineData("model:\n  name: [a]", "modelcert.yaml:6:9: 'name' must be text")]
        [InlineData("protected:\n  attributes: [sex, ~]", "modelcert.yaml:6:21: each item of 'attributes' must be a non-empty name")]
        [InlineData("protected:\n  privileged: { sex: }", "modelcert.yaml:6:17: 'privileged' value of 'sex' must be a single non-empty value")]
        [InlineData("  positive: [1, 2]", "modelcert.yaml:5:13: 'positive' must be a single value (the label value of the positive class, e.g. 1 or \">50K\"), not a list or mapping")]
        [InlineData("  label: \"\"", "modelcert.yaml:5:10: 'label' is empty; give a value or leave the field out")]
        [InlineData("card:\n  owner: { team: risk }", "modelcert.yaml:6:10: 'owner' must be text")]
        [InlineData("policies: builtin:four-fifths", "modelcert.yaml:5:11: 'policies' must be a list, e.g. [builtin:four-fifths, policies/lending.yaml]")]
        public void Should_name_the_expected_shape(string text, string expected)
        {
            // Given a value of the wrong shape / When loaded / Then the expected shape is named at the value
            Single(expected, SubmissionFiles.Errors(SubmissionFiles.Minimal + text + "\n"));
        }

        [Theory]
        [InlineData("31/12/2030")]
        [InlineData("2030-02-30")]
        [InlineData("2030-1-5")]
        [InlineData("2030-12-31T00:00:00")]
        public void Should_require_an_iso_retention_date(string value)
        {
            // Given a retention date that is not a real YYYY-MM-DD date / When loaded / Then it is refused
            Single(
                $"modelcert.yaml:6:20: 'retention_until' must be a date written YYYY-MM-DD, e.g. 2030-12-31; found '{value}'",
                SubmissionFiles.Errors(SubmissionFiles.Minimal + "provenance:\n  retention_until: " + value + "\n"));
        }
    }
}
