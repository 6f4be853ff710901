using System.Runtime.InteropServices;

using ModelCert.Core;
using ModelCert.Native;

namespace ModelCert.Data;

/// <summary>
/// The DuckDB C API functions we call, resolved once from the library that <see cref="NativeEngine.DuckDb"/> verified
/// and loaded. Function pointers instead of <c>DllImport</c>: the library lives in our cache, not on the loader path,
/// and a missing or corrupt library must surface as <see cref="NativeEngineException"/> with NativeEngine's fix hint.
/// </summary>
internal sealed unsafe class DuckDbApi
{
    private static readonly Lock Gate = new();
    private static DuckDbApi? _instance;

    public readonly delegate* unmanaged<byte*, nint*, nint, byte**, int> OpenExt;
    public readonly delegate* unmanaged<nint*, void> Close;
    public readonly delegate* unmanaged<nint*, int> CreateConfig;
    public readonly delegate* unmanaged<nint, byte*, byte*, int> SetConfig;
    public readonly delegate* unmanaged<nint*, void> DestroyConfig;
    public readonly delegate* unmanaged<nint, nint*, int> Connect;
    public readonly delegate* unmanaged<nint*, void> Disconnect;
    public readonly delegate* unmanaged<nint, byte*, DuckDbNativeResult*, int> Query;
    public readonly delegate* unmanaged<DuckDbNativeResult*, void> DestroyResult;
    public readonly delegate* unmanaged<DuckDbNativeResult*, byte*> ResultError;
    public readonly delegate* unmanaged<DuckDbNativeResult*, ulong> ColumnCount;
    public readonly delegate* unmanaged<DuckDbNativeResult*, ulong, byte*> ColumnName;
    public readonly delegate* unmanaged<DuckDbNativeResult*, ulong, int> ColumnType;
    public readonly delegate* unmanaged<nint, byte*, nint*, int> Prepare;
    public readonly delegate* unmanaged<nint, byte*> PrepareError;
    public readonly delegate* unmanaged<nint*, void> DestroyPrepare;
    public readonly delegate* unmanaged<nint, ulong> ParameterCount;
    public readonly delegate* unmanaged<nint, ulong, byte*, ulong, int> BindVarcharLength;
    public readonly delegate* unmanaged<nint, ulong> PreparedColumnCount;
    public readonly delegate* unmanaged<nint, ulong, byte*> PreparedColumnName;
    public readonly delegate* unmanaged<nint, ulong, int> PreparedColumnType;
    public readonly delegate* unmanaged<nint, nint*, int> PendingPreparedStreaming;
    public readonly delegate* unmanaged<nint, byte*> PendingError;
    public readonly delegate* unmanaged<nint, DuckDbNativeResult*, int> ExecutePending;
    public readonly delegate* unmanaged<nint*, void> DestroyPending;
    public readonly delegate* unmanaged<DuckDbNativeResult, nint> FetchChunk;
    public readonly delegate* unmanaged<nint, ulong> DataChunkGetSize;
    public readonly delegate* unmanaged<nint, ulong> DataChunkGetColumnCount;
    public readonly delegate* unmanaged<nint, ulong, nint> DataChunkGetVector;
    public readonly delegate* unmanaged<nint, void*> VectorGetData;
    public readonly delegate* unmanaged<nint, ulong*> VectorGetValidity;
    public readonly delegate* unmanaged<nint*, void> DestroyDataChunk;
    public readonly delegate* unmanaged<void*, void> Free;
    public readonly delegate* unmanaged<byte*> LibraryVersion;

    private DuckDbApi(nint library)
    {
        OpenExt = (delegate* unmanaged<byte*, nint*, nint, byte**, int>)Export(library, "duckdb_open_ext");
        Close = (delegate* unmanaged<nint*, void>)Export(library, "duckdb_close");
        CreateConfig = (delegate* unmanaged<nint*, int>)Export(library, "duckdb_create_config");
        SetConfig = (delegate* unmanaged<nint, byte*, byte*, int>)Export(library, "duckdb_set_config");
        DestroyConfig = (delegate* unmanaged<nint*, void>)Export(library, "duckdb_destroy_config");
        Connect = (delegate* unmanaged<nint, nint*, int>)Export(library, "duckdb_connect");
        Disconnect = (delegate* unmanaged<nint*, void>)Export(library, "duckdb_disconnect");
        Query = (delegate* unmanaged<nint, byte*, DuckDbNativeResult*, int>)Export(library, "duckdb_query");
        DestroyResult = (delegate* unmanaged<DuckDbNativeResult*, void>)Export(library, "duckdb_destroy_result");
        ResultError = (delegate* unmanaged<DuckDbNativeResult*, byte*>)Export(library, "duckdb_result_error");
        ColumnCount = (delegate* unmanaged<DuckDbNativeResult*, ulong>)Export(library, "duckdb_column_count");
        ColumnName = (delegate* unmanaged<DuckDbNativeResult*, ulong, byte*>)Export(library, "duckdb_column_name");
        ColumnType = (delegate* unmanaged<DuckDbNativeResult*, ulong, int>)Export(library, "duckdb_column_type");
        Prepare = (delegate* unmanaged<nint, byte*, nint*, int>)Export(library, "duckdb_prepare");
        PrepareError = (delegate* unmanaged<nint, byte*>)Export(library, "duckdb_prepare_error");
        DestroyPrepare = (delegate* unmanaged<nint*, void>)Export(library, "duckdb_destroy_prepare");
        ParameterCount = (delegate* unmanaged<nint, ulong>)Export(library, "duckdb_nparams");
        BindVarcharLength = (delegate* unmanaged<nint, ulong, byte*, ulong, int>)Export(library, "duckdb_bind_varchar_length");
        PreparedColumnCount = (delegate* unmanaged<nint, ulong>)Export(library, "duckdb_prepared_statement_column_count");
        PreparedColumnName = (delegate* unmanaged<nint, ulong, byte*>)Export(library, "duckdb_prepared_statement_column_name");
        PreparedColumnType = (delegate* unmanaged<nint, ulong, int>)Export(library, "duckdb_prepared_statement_column_type");
        PendingPreparedStreaming = (delegate* unmanaged<nint, nint*, int>)Export(library, "duckdb_pending_prepared_streaming");
        PendingError = (delegate* unmanaged<nint, byte*>)Export(library, "duckdb_pending_error");
        ExecutePending = (delegate* unmanaged<nint, DuckDbNativeResult*, int>)Export(library, "duckdb_execute_pending");
        DestroyPending = (delegate* unmanaged<nint*, void>)Export(library, "duckdb_destroy_pending");
        FetchChunk = (delegate* unmanaged<DuckDbNativeResult, nint>)Export(library, "duckdb_fetch_chunk");
        DataChunkGetSize = (delegate* unmanaged<nint, ulong>)Export(library, "duckdb_data_chunk_get_size");
        DataChunkGetColumnCount = (delegate* unmanaged<nint, ulong>)Export(library, "duckdb_data_chunk_get_column_count");
        DataChunkGetVector = (delegate* unmanaged<nint, ulong, nint>)Export(library, "duckdb_data_chunk_get_vector");
        VectorGetData = (delegate* unmanaged<nint, void*>)Export(library, "duckdb_vector_get_data");
        VectorGetValidity = (delegate* unmanaged<nint, ulong*>)Export(library, "duckdb_vector_get_validity");
        DestroyDataChunk = (delegate* unmanaged<nint*, void>)Export(library, "duckdb_destroy_data_chunk");
        Free = (delegate* unmanaged<void*, void>)Export(library, "duckdb_free");
        LibraryVersion = (delegate* unmanaged<byte*>)Export(library, "duckdb_library_version");
    }

    /// <summary>The resolved API; loads (and verifies) the library on first use. A failed load is retried next time.</summary>
    public static DuckDbApi Instance
    {
        get
        {
            var instance = Volatile.Read(ref _instance);
            if (instance is not null)
            {
                return instance;
            }

            lock (Gate)
            {
                return _instance ??= new DuckDbApi(NativeEngine.DuckDb.Load());
            }
        }
    }

    private static nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address)
            ? address
            : throw new NativeEngineException(
                $"{NativeEngine.DuckDb.Name} at {NativeEngine.DuckDb.LibraryPath} has no function {name}; delete it and {NativeEngine.FixHint}.");
}
