namespace ModelCert.Core.Fairness;

/// <summary>The disparity aggregates ModelCert reports per protected attribute.</summary>
public enum FairnessMetric
{
    DemographicParityDifference,
    DemographicParityRatio,
    EqualizedOddsDifference,
    EqualizedOddsRatio,
    EqualOpportunityDifference,
    EqualOpportunityRatio,
    PredictiveParityDifference,
    PredictiveParityRatio,
    FprDifference,
    AccuracyDifference,
}

/// <summary>The per-group rates the aggregates are built from.</summary>
public enum GroupRateKind
{
    SelectionRate,
    Tpr,
    Fpr,
    Fnr,
    Precision,
    Accuracy,
}
