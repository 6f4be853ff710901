using System.Runtime.InteropServices;
using System.Security.Cryptography;

using ModelCert.Core;

namespace ModelCert.Native;

/// <summary>
/// Finds and loads one of the native engines that <c>eng/natives.sh</c> fetches into the cache
/// (<c>$MODELCERT_NATIVE_DIR</c>, else <c>$XDG_CACHE_HOME/modelcert/native</c>, else <c>~/.cache/modelcert/native</c>).
/// The library is checked against its pinned size and SHA-256 before it is loaded, because a truncated or
/// swapped engine would otherwise fail later with an unreadable crash.
/// </summary>
internal sealed record NativeEngine(string Name, string Folder, string FileName, long Size, string Sha256)
{
    public const string FixHint = "run ./modelcert setup (or eng/natives.sh) to fetch it";

    public static NativeEngine OnnxRuntime { get; } = new(
        "ONNX Runtime 1.30.0", "onnxruntime-1.30.0", "libonnxruntime.so.1", 45828512,
        "ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23");

    public static NativeEngine DuckDb { get; } = new(
        "DuckDB 1.5.6", "duckdb-1.5.6", "libduckdb.so", 70546800,
        "3f4962cdd266eab2b479a5b5a4a6d063d279b2954ae814ed00385d553b747633");

    public static string CacheDirectory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("MODELCERT_NATIVE_DIR");
            if (!string.IsNullOrEmpty(configured))
            {
                return configured;
            }

            var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                cache = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            }

            return Path.Combine(cache, "modelcert", "native");
        }
    }

    public string LibraryPath => Path.Combine(CacheDirectory, Folder, FileName);

    /// <summary>Verifies and loads the library; throws <see cref="NativeEngineException"/> saying how to fix any problem.</summary>
    public nint Load()
    {
        var path = LibraryPath;
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new NativeEngineException($"{Name} is not installed: {path} does not exist; {FixHint}.");
        }

        if (file.Length != Size)
        {
            throw new NativeEngineException(
                $"{Name} at {path} is corrupt: {file.Length} bytes, expected {Size}; delete it and {FixHint}.");
        }

        // The fetch script leaves a stamp with the verified hash; without it (or when the library is newer) hash once more.
        var stamp = path + ".sha256";
        var stamped = File.Exists(stamp)
            && File.GetLastWriteTimeUtc(stamp) >= file.LastWriteTimeUtc
            && string.Equals(File.ReadAllText(stamp).Trim(), Sha256, StringComparison.Ordinal);
        if (!stamped)
        {
            using var stream = File.OpenRead(path);
            var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (!string.Equals(actual, Sha256, StringComparison.Ordinal))
            {
                throw new NativeEngineException(
                    $"{Name} at {path} is corrupt: SHA-256 {actual}, expected {Sha256}; delete it and {FixHint}.");
            }
        }

        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException ex)
        {
            throw new NativeEngineException($"{Name} at {path} could not be loaded ({ex.Message}); delete it and {FixHint}.", ex);
        }
    }
}

