using System.Security.Cryptography;
using System.Text;

using ModelCert.Core;
using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// Reads CSV, Parquet and JSON-lines files into frames through DuckDB. Integers become Int64, floating point and
/// decimals Float64, booleans Boolean, and everything else (text, dates, lists ...) dictionary-encoded String.
/// Problems with the file are <see cref="InputException"/>s naming the file and, where known, line, column and value.
/// </summary>
public static class DatasetReader
{
    /// <summary>
    /// How far DuckDB's worker threads may run ahead of the consumer. DuckDB's default (about 1 MB, some ten thousand
    /// rows) keeps them waiting for us; this costs at most this much memory per open source.
    /// </summary>
    private const string StreamingBuffer = "64MB";

    /// <summary>Opens <paramref name="path"/> for streaming; the caller disposes the source.</summary>
    public static IFrameSource Open(string path, DatasetReadOptions? options = null)
    {
        var request = DatasetRequest.Create(path, options ?? new DatasetReadOptions());
        var database = DuckDbDatabase.OpenInMemory(request.Options.Threads);
        DuckDbConnection? connection = null;
        DuckDbResult? result = null;
        try
        {
            connection = database.Connect();
            connection.Execute($"SET streaming_buffer_size = '{StreamingBuffer}'");
            IReadOnlyList<ColumnPlan> plans;
            try
            {
                (var statement, plans) = DatasetQuery.Prepare(connection, request);
                try
                {
                    result = statement.ExecuteStreaming(ownsStatement: true);
                }
                catch
                {
                    statement.Dispose();
                    throw;
                }
            }
            catch (DuckDbException error)
            {
                throw DataErrors.Translate(error, request);
            }

            return new DuckDbFrameSource(request, database, connection, result, plans);
        }
        catch
        {
            result?.Dispose();
            connection?.Dispose();
            database.Dispose();
            throw;
        }
    }

    /// <summary>The columns and kinds of <paramref name="path"/> as a full read would give them, without reading the rows.</summary>
    public static FrameSchema Describe(string path, DatasetReadOptions? options = null)
    {
        var request = DatasetRequest.Create(path, (options ?? new DatasetReadOptions()) with { Columns = null });
        using var database = DuckDbDatabase.OpenInMemory(request.Options.Threads);
        using var connection = database.Connect();
        try
        {
            return DatasetQuery.Describe(connection, request);
        }
        catch (DuckDbException error)
        {
            throw DataErrors.Translate(error, request);
        }
    }

    /// <summary>Reads the whole of <paramref name="path"/> into one frame.</summary>
    public static Frame ReadAll(string path, DatasetReadOptions? options = null)
    {
        using var source = Open(path, options);
        return FrameBuilder.ReadAll(source);
    }

    /// <summary>
    /// The evidence identity of a dataset: SHA-256 and size of the file's bytes, the row count, and the SHA-256 of
    /// <see cref="FrameSchema.ToCanonicalText"/> (UTF-8); hashes in lowercase hex.
    /// </summary>
    public static DatasetFingerprint Fingerprint(string path, FrameSchema schema, long rows)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (!File.Exists(path))
        {
            throw new InputException($"data file '{path}' does not exist");
        }

        string sha256;
        long length;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
            length = stream.Length;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw DataErrors.Unreadable(path, error);
        }

        var schemaSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(schema.ToCanonicalText())));
        return new DatasetFingerprint(path, sha256, length, rows, schemaSha256);
    }
}
