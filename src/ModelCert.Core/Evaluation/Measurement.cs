namespace ModelCert.Core.Evaluation;

/// <summary>A measured value with its interval; <see cref="Value"/> is null when it cannot be computed, with the reason in <see cref="Problem"/>.</summary>
public sealed record Measurement(double? Value, (double Low, double High)? Interval, long SampleSize, string? Problem = null)
{
    public static Measurement Undefined(string problem, long sampleSize = 0) => new(null, null, sampleSize, problem);
}
