using System.Globalization;

namespace ModelCert.Data;

/// <summary>
/// An in-process DuckDB database. We only use in-memory databases as a query engine over files; extension
/// auto-install and auto-load are switched off so that no query can reach the network.
/// </summary>
public sealed unsafe class DuckDbDatabase : IDisposable
{
    private readonly DuckDbDatabaseHandle _handle;

    private DuckDbDatabase(DuckDbDatabaseHandle handle) => _handle = handle;

    /// <summary>The version string of the loaded library, such as <c>v1.5.6</c>.</summary>
    public static string LibraryVersion => DuckDbText.FromCString(DuckDbApi.Instance.LibraryVersion()) ?? "unknown";

    /// <summary>Opens a new, empty in-memory database.</summary>
    /// <param name="threads">Worker threads for DuckDB; null lets DuckDB use every core.</param>
    public static DuckDbDatabase OpenInMemory(int? threads = null)
    {
        if (threads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "DuckDB needs at least one thread.");
        }

        var api = DuckDbApi.Instance;
        nint config = 0;
        try
        {
            if (api.CreateConfig(&config) != 0)
            {
                throw new DuckDbException("DuckDB could not create a configuration object.");
            }

            SetOption(config, "autoinstall_known_extensions", "false");
            SetOption(config, "autoload_known_extensions", "false");
            SetOption(config, "preserve_insertion_order", "true");
            if (threads is { } count)
            {
                SetOption(config, "threads", count.ToString(CultureInfo.InvariantCulture));
            }

            return new DuckDbDatabase(Open(config));
        }
        finally
        {
            api.DestroyConfig(&config);
        }
    }

    /// <summary>Opens a connection; each connection runs one statement at a time.</summary>
    public DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        nint connection = 0;
        var state = DuckDbApi.Instance.Connect(_handle.Value, &connection);
        var handle = new DuckDbConnectionHandle(connection, _handle);
        if (state != 0)
        {
            handle.Dispose();
            throw new DuckDbException("DuckDB could not open a connection to the database.");
        }

        return new DuckDbConnection(handle);
    }

    public void Dispose() => _handle.Dispose();

    private static DuckDbDatabaseHandle Open(nint config)
    {
        var api = DuckDbApi.Instance;
        var path = DuckDbText.ToCString(":memory:", "path");
        nint database = 0;
        byte* error = null;
        int state;
        fixed (byte* pathPointer = path)
        {
            state = api.OpenExt(pathPointer, &database, config, &error);
        }

        var handle = new DuckDbDatabaseHandle(database);
        if (state != 0)
        {
            handle.Dispose();
            throw new DuckDbException(DuckDbText.TakeCString(error) ?? "DuckDB could not open an in-memory database.");
        }

        return handle;
    }

    private static void SetOption(nint config, string name, string value)
    {
        var nameBytes = DuckDbText.ToCString(name, nameof(name));
        var valueBytes = DuckDbText.ToCString(value, nameof(value));
        fixed (byte* namePointer = nameBytes)
        fixed (byte* valuePointer = valueBytes)
        {
            if (DuckDbApi.Instance.SetConfig(config, namePointer, valuePointer) != 0)
            {
                throw new DuckDbException($"DuckDB rejected the setting {name}={value}.");
            }
        }
    }
}
