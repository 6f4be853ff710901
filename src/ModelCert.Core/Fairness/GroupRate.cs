namespace ModelCert.Core.Fairness;

/// <summary>One group's value of one rate; null when its denominator is zero (under the strict profile).</summary>
public readonly record struct GroupRate(string Group, double? Value);
