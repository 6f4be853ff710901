namespace ModelCert.Core.Statistics;

/// <summary>How intervals are computed; all of it is recorded in results.json so a run can be reproduced.</summary>
public sealed record BootstrapOptions
{
    public int Replicates { get; init; } = 1000;

    public double Confidence { get; init; } = 0.95;

    public ulong Seed { get; init; } = 20240601;

    /// <summary>At or below this many rows score metrics resample rows exactly; above it, fine score bins (see <see cref="ScoreBootstrap"/>).</summary>
    public int ExactScoreRows { get; init; } = 50_000;

    public static BootstrapOptions None { get; } = new() { Replicates = 0 };
}
