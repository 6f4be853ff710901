using ModelCert.Core.Evaluation;
using ModelCert.Core.Fairness;

namespace ModelCert.Core.Checks.Fairness;

/// <summary>The fairness check family.</summary>
public static class FairnessChecks
{
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new DisparityCheck("fairness.demographic-parity-difference", FairnessMetric.DemographicParityDifference, needsLabels: false),
        new DisparityCheck("fairness.demographic-parity-ratio", FairnessMetric.DemographicParityRatio, needsLabels: false),
        new DisparityCheck("fairness.equalized-odds-difference", FairnessMetric.EqualizedOddsDifference, needsLabels: true),
        new DisparityCheck("fairness.equalized-odds-ratio", FairnessMetric.EqualizedOddsRatio, needsLabels: true),
        new DisparityCheck("fairness.equal-opportunity-difference", FairnessMetric.EqualOpportunityDifference, needsLabels: true),
        new DisparityCheck("fairness.equal-opportunity-ratio", FairnessMetric.EqualOpportunityRatio, needsLabels: true),
        new DisparityCheck("fairness.predictive-parity-difference", FairnessMetric.PredictiveParityDifference, needsLabels: true),
        new DisparityCheck("fairness.predictive-parity-ratio", FairnessMetric.PredictiveParityRatio, needsLabels: true),
        new ErrorGapCheck(),
    ];
}
