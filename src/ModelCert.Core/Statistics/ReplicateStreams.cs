namespace ModelCert.Core.Statistics;

/// <summary>
/// Runs bootstrap replicates on all cores with the very same result as one loop: replicate r draws from its own
/// seeded stream, derived from the seed, the caller's stream tag and r, so neither the number of threads nor the
/// number of uniforms a replicate takes (rejection sampling takes a variable number) changes any replicate.
/// </summary>
internal static class ReplicateStreams
{
    private const int MinReplicatesPerShare = 50;

    /// <param name="seed">The bootstrap seed (recorded in results).</param>
    /// <param name="stream">Tells this set of replicates from others drawn with the same seed.</param>
    /// <param name="replicates">How many replicates.</param>
    /// <param name="state">Per-thread scratch (draw buffers).</param>
    /// <param name="replicate">Computes replicate r from its stream and stores it.</param>
    /// <param name="maxThreads">At most this many threads (default: every core); the replicates do not depend on it.</param>
    public static void Run<TState>(
        ulong seed, ulong stream, int replicates, Func<TState> state, Action<int, SeededRandom, TState> replicate, int? maxThreads = null)
    {
        var shares = Math.Clamp(replicates / MinReplicatesPerShare, 1, Math.Max(1, maxThreads ?? Environment.ProcessorCount));
        Parallel.For(0, shares, new ParallelOptions { MaxDegreeOfParallelism = shares }, share =>
        {
            var scratch = state();
            for (var r = Start(share, shares, replicates); r < Start(share + 1, shares, replicates); r++)
            {
                replicate(r, Of(seed, stream, r), scratch);
            }
        });
    }

    /// <summary>The stream of replicate <paramref name="r"/>.</summary>
    public static SeededRandom Of(ulong seed, ulong stream, int r) =>
        SeededRandom.ForStream(seed, unchecked((stream * 0x100000001B3UL) ^ ((ulong)r * 0xC2B2AE3D27D4EB4FUL)));

    private static int Start(int share, int shares, int replicates) => (int)((long)replicates * share / shares);
}
