namespace ModelCert.Policy;

/// <summary>The limits a measurement must meet: at least <see cref="Min"/>, at most <see cref="Max"/> (either may be absent, not both).</summary>
public sealed record Threshold(double? Min, double? Max);
