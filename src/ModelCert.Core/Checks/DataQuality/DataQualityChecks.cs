using ModelCert.Core.Evaluation;

namespace ModelCert.Core.Checks.DataQuality;

/// <summary>The data-quality check family, one instance of each, in catalog order.</summary>
public static class DataQualityChecks
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new CompletenessCheck(),
        new DuplicatesCheck(),
        new ConstantColumnsCheck(),
        new LabelBalanceCheck(),
        new SchemaCheck(),
        new MinGroupShareCheck(),
        new TrainTestLeakageCheck(),
    ];
}
