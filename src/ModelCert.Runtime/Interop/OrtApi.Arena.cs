namespace ModelCert.Runtime.Interop;

/// <summary>
/// The capped CPU arena: one BFC arena registered on the shared environment with <c>max_mem</c> set, which sessions
/// opened with a memory limit use instead of their own uncapped arena (session config <c>session.use_env_allocators</c>).
/// Every tensor a CPU kernel allocates through the session (outputs and intermediates, ConstantOfShape, Expand, Tile,
/// Range, Resize ...) comes from that arena, so a model asking for more than the cap gets a failed status instead of
/// the memory. ORT has no per-session arena setting for the CPU provider, so the arena is the environment's: sessions
/// opened with the same limit share it (the cap bounds their sum), and opening a session with a different limit
/// registers a fresh arena; sessions already open keep the arena they were created with (they hold a reference to it).
/// </summary>
internal sealed unsafe partial class OrtApi
{
    /// <summary>BFC arena growth: ORT's default for its own CPU arena (regions double), kept so speed stays the same.</summary>
    private const nuint ExtendNextPowerOfTwo = 0;

    private readonly Lock _arenaGate = new();
    private long _arenaLimit;

    /// <summary>
    /// Runs <paramref name="create"/> (which must create a session from options marked by <see cref="UseCappedArena"/>)
    /// while the environment's CPU arena is capped at <paramref name="limitBytes"/>, so no other limit is registered
    /// between the two.
    /// </summary>
    public T WithCappedArena<T>(long limitBytes, Func<T> create)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitBytes);
        ArgumentNullException.ThrowIfNull(create);
        lock (_arenaGate)
        {
            if (_arenaLimit != limitBytes)
            {
                RegisterArena(limitBytes);
            }

            return create();
        }
    }

    /// <summary>
    /// Makes a session created from <paramref name="sessionOptions"/> use the environment's (capped) allocators, and
    /// turns off constant folding: it runs constant subgraphs (a ConstantOfShape over a constant shape, say) while the
    /// session loads, on an allocator of the optimizer's own that the cap does not reach; unfolded, those nodes run in
    /// the capped arena like any other.
    /// </summary>
    public void UseCappedArena(nint sessionOptions)
    {
        fixed (byte* useEnv = "session.use_env_allocators\0"u8)
        fixed (byte* disable = "optimization.disable_specified_optimizers\0"u8)
        fixed (byte* yes = "1\0"u8)
        fixed (byte* folding = "ConstantFolding\0"u8)
        {
            Check(AddSessionConfigEntry(sessionOptions, useEnv, yes), "asking the session to use the capped arena");
            Check(AddSessionConfigEntry(sessionOptions, disable, folding), "turning off constant folding");
        }
    }

    private void RegisterArena(long limitBytes)
    {
        if (_arenaLimit != 0)
        {
            Check(UnregisterAllocator(Environment, CpuMemoryInfo), "removing the previous capped arena");
            _arenaLimit = 0;
        }

        nint config;
        fixed (byte* maxMem = "max_mem\0"u8)
        fixed (byte* strategy = "arena_extend_strategy\0"u8)
        {
            var keys = stackalloc byte*[] { maxMem, strategy };
            var values = stackalloc nuint[] { (nuint)limitBytes, ExtendNextPowerOfTwo };
            Check(CreateArenaCfgV2(keys, values, 2, &config), "configuring the capped arena");
        }

        try
        {
            Check(CreateAndRegisterAllocator(Environment, CpuMemoryInfo, config), "registering the capped arena");
            _arenaLimit = limitBytes;
        }
        finally
        {
            ReleaseArenaCfg(config);
        }
    }
}
