using ModelCert.Core.Evaluation;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>The robustness check family, one instance of each, in catalog order.</summary>
public static class RobustnessChecks
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new NoiseFlipRateCheck(),
        new NoiseMetricDropCheck(),
        new MissingFlipRateCheck(),
        new CounterfactualFlipRateCheck(),
        new WorstSliceCheck(),
        new EvasionSuccessRateCheck(),
        new ShiftMetricDropCheck(),
        new LatencyCheck(),
        new ThroughputCheck(),
        new ConcurrentMemoryCheck(),
    ];
}
