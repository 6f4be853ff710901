namespace ModelCert.Core.Checks;

public static partial class CheckCatalog
{
    /// <summary>The security family: the model file itself, leakage of training membership, and personal data.</summary>
    private static CheckDefinition[] Security =>
    [
        Define("security", "model-inspection", "Static model inspection", Direction.LowerIsBetter, CheckNeeds.RunnableModel,
            "Number of violations found by reading the ONNX file before the runtime loads it (size, nodes, dimensions, IR and opset versions, domains, external data).",
            "max_bytes", "max_nodes", "max_dimension", "ir_versions", "opset_versions", "allowed_domains"),
        Define("security", "membership-inference", "Membership-inference risk", Direction.LowerIsBetter, CheckNeeds.RunnableModel | CheckNeeds.TrainingData | CheckNeeds.Labels,
            "AUC of a loss-threshold attack telling training rows from test rows (0.5 is no leakage).",
            "sample"),
        Define("security", "pii", "Personal data in the data", Direction.LowerIsBetter, CheckNeeds.None,
            "Number of values that look like emails, phone numbers, SSNs, card numbers (Luhn) or IBANs, in the worst of the test, training and shifted data.",
            "columns", "kinds", "datasets"),
    ];

    private static ParameterSpec[] SecurityParameters =>
    [
        ParameterSpec.Number("max_bytes", 1, double.MaxValue, "Largest model file (and external data) in bytes."),
        ParameterSpec.Integer("max_nodes", 1, int.MaxValue, "Most graph nodes, subgraphs included."),
        ParameterSpec.Number("max_dimension", 1, double.MaxValue, "Largest tensor dimension, and element count, allowed."),
        ParameterSpec.Numbers("ir_versions", 1, 100, "Allowed IR versions as [lowest, highest]."),
        ParameterSpec.Numbers("opset_versions", 1, 1000, "Allowed ai.onnx opset versions as [lowest, highest]."),
        ParameterSpec.NameList("allowed_domains", "Operator domains allowed beyond ai.onnx and ai.onnx.ml."),
        ParameterSpec.NameList("kinds", "PII kinds to look for: email, phone, ssn, card, iban (default all).", "email", "phone", "ssn", "card", "iban"),
        ParameterSpec.NameList("datasets", "Datasets to scan for personal data: test, train, shifted (default every one the submission gives).", "test", "train", "shifted"),
    ];
}
