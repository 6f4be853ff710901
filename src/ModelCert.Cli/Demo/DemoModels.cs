using ModelCert.Runtime.Onnx;

namespace ModelCert.Cli.Demo;

/// <summary>
/// The two loan models the demo writes itself: both are logistic regressions over the raw features, one per
/// column input. The biased one leans on <c>postcode_risk</c>, a proxy for sex; the compliant one does not.
/// </summary>
internal static class DemoModels
{
    public static void WriteBiased(string path) =>
        Build([0.05f, -4.0f, 0.08f, -6.0f], 0.6f, "loan-approval-biased", "Leans on postcode_risk, a proxy for sex.").Save(path);

    public static void WriteCompliant(string path) =>
        Build([0.05f, -4.0f, 0.08f, 0.0f], -2.0f, "loan-approval-compliant", "Ignores postcode_risk.").Save(path);

    private static OnnxModelBuilder Build(float[] weights, float bias, string name, string description) =>
        OnnxModelBuilder.LogisticRegression(LoanSample.Features, weights, bias)
            .Graph(name, description)
            .Description(description)
            .ModelVersion(1)
            .Metadata("intended_use", "Demonstration of ModelCert on synthetic loan applications; not for real decisions.")
            .Metadata("positive_class", "1 = approve (predicted to repay)");
}
