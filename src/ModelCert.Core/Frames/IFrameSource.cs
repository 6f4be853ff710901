namespace ModelCert.Core.Frames;

/// <summary>
/// A dataset that is read chunk by chunk, so data larger than memory can stream through single-pass accumulators.
/// Every chunk has the same schema; string columns of all chunks share one dictionary per column.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>The file (or query) the rows come from, for messages.</summary>
    string Origin { get; }

    FrameSchema Schema { get; }

    /// <summary>The next chunk of at most the source's chunk size, or null after the last row.</summary>
    Frame? ReadChunk();
}
