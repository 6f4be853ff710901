namespace ModelCert.Core.Metrics;

/// <summary>The score-based metrics of one sample (or one bootstrap replicate).</summary>
public sealed record ScoreMetricsResult(double? RocAuc, double LogLoss, double Brier, double Ece);
