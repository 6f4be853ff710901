using System.Runtime.InteropServices;

namespace ModelCert.Data;

/// <summary>
/// Owns one native DuckDB object. A handle keeps its parent (the connection of a statement, the database of a
/// connection) alive through SafeHandle reference counting, so disposing in the wrong order, or a finalizer running
/// first, cannot free a parent while a child still uses it.
/// </summary>
internal abstract class DuckDbHandle : SafeHandle
{
    private SafeHandle? _parent;

    protected DuckDbHandle()
        : base(0, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == 0;

    internal nint Value => handle;

    /// <summary>Takes ownership of <paramref name="value"/>, even a failed one that still has to be destroyed.</summary>
    protected void Adopt(nint value, SafeHandle? parent)
    {
        if (value != 0 && parent is not null)
        {
            var added = false;
            parent.DangerousAddRef(ref added);
            _parent = parent;
        }

        SetHandle(value);
    }

    protected sealed override bool ReleaseHandle()
    {
        try
        {
            Destroy(handle);
        }
        finally
        {
            _parent?.DangerousRelease();
            _parent = null;
        }

        return true;
    }

    protected abstract void Destroy(nint value);
}

internal sealed unsafe class DuckDbDatabaseHandle : DuckDbHandle
{
    public DuckDbDatabaseHandle(nint value) => Adopt(value, null);

    protected override void Destroy(nint value) => DuckDbApi.Instance.Close(&value);
}

internal sealed unsafe class DuckDbConnectionHandle : DuckDbHandle
{
    public DuckDbConnectionHandle(nint value, DuckDbDatabaseHandle database) => Adopt(value, database);

    protected override void Destroy(nint value) => DuckDbApi.Instance.Disconnect(&value);
}

internal sealed unsafe class DuckDbPreparedHandle : DuckDbHandle
{
    public DuckDbPreparedHandle(nint value, DuckDbConnectionHandle connection) => Adopt(value, connection);

    protected override void Destroy(nint value) => DuckDbApi.Instance.DestroyPrepare(&value);
}

internal sealed unsafe class DuckDbDataChunkHandle : DuckDbHandle
{
    public DuckDbDataChunkHandle(nint value) => Adopt(value, null);

    protected override void Destroy(nint value) => DuckDbApi.Instance.DestroyDataChunk(&value);
}

/// <summary>
/// A <c>duckdb_result</c> struct in native memory (so its address is stable); releasing it calls
/// <c>duckdb_destroy_result</c> (also for a result that only carries an error) and frees the memory.
/// </summary>
internal sealed unsafe class DuckDbResultHandle : DuckDbHandle
{
    public DuckDbResultHandle(SafeHandle owner) =>
        Adopt((nint)NativeMemory.AllocZeroed((nuint)sizeof(DuckDbNativeResult)), owner);

    public DuckDbNativeResult* Pointer => (DuckDbNativeResult*)handle;

    protected override void Destroy(nint value)
    {
        DuckDbApi.Instance.DestroyResult((DuckDbNativeResult*)value);
        NativeMemory.Free((void*)value);
    }
}
