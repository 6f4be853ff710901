namespace ModelCert.Core.Statistics;

/// <summary>
/// Runs bootstrap replicates that draw, in order, from one seeded stream, on all cores with the very same result.
/// A replicate takes a known number of uniforms (unless its rows run out before its last cell, when it takes fewer),
/// so each thread starts its share from the stream advanced past the uniforms of the replicates before it. Afterwards
/// the counts are checked: if a replicate took fewer, the shares after it run again, in order, from the right place.
/// The replicates are therefore exactly those of a single loop, whatever the number of threads.
/// </summary>
internal static class ReplicateStreams
{
    private const int MinReplicatesPerShare = 50;

    /// <param name="open">A fresh stream, at its start.</param>
    /// <param name="replicates">How many replicates.</param>
    /// <param name="uniformsPerReplicate">The uniforms one replicate takes when its rows do not run out.</param>
    /// <param name="state">Per-thread scratch (draw buffers).</param>
    /// <param name="replicate">Computes replicate r from the stream and stores it; returns the uniforms it took.</param>
    public static void Run<TState>(
        Func<SeededRandom> open, int replicates, long uniformsPerReplicate, Func<TState> state, Func<int, SeededRandom, TState, long> replicate)
    {
        var shares = Math.Clamp(replicates / MinReplicatesPerShare, 1, Environment.ProcessorCount);
        if (shares == 1)
        {
            RunFrom(open, 0, 0, replicates, state(), replicate, null);
            return;
        }

        var taken = new long[replicates];
        Parallel.For(0, shares, share =>
        {
            var first = Start(share, shares, replicates);
            RunFrom(open, first * uniformsPerReplicate, first, Start(share + 1, shares, replicates), state(), replicate, taken);
        });

        long position = 0;
        for (var share = 0; share < shares; share++)
        {
            var first = Start(share, shares, replicates);
            if (position != first * uniformsPerReplicate)
            {
                RunFrom(open, position, first, replicates, state(), replicate, null);
                return;
            }

            for (var r = first; r < Start(share + 1, shares, replicates); r++)
            {
                position += taken[r];
            }
        }
    }

    private static int Start(int share, int shares, int replicates) => (int)((long)replicates * share / shares);

    private static void RunFrom<TState>(
        Func<SeededRandom> open, long skip, int first, int end, TState state, Func<int, SeededRandom, TState, long> replicate, long[]? taken)
    {
        var random = open();
        for (var k = 0L; k < skip; k++)
        {
            random.NextUInt64();
        }

        for (var r = first; r < end; r++)
        {
            var uniforms = replicate(r, random, state);
            if (taken is not null)
            {
                taken[r] = uniforms;
            }
        }
    }
}
