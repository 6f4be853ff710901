using System.Runtime.InteropServices;

namespace ModelCert.Runtime.Onnx;

/// <summary>What kind of entry a path names, without following a final symbolic link.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A device, pipe or socket: never something to read model data from.</summary>
    Other,
}

/// <summary>
/// The facts of a path from Linux <c>statx</c> with AT_SYMLINK_NOFOLLOW: its kind, its hard-link count and its size.
/// Nothing is opened, so neither a pipe nor a device can block or be read, and a link is seen as a link.
/// </summary>
internal readonly partial record struct FileStatus(FileKind Kind, long Links, long Bytes)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint WantTypeModeLinksSize = 0x1 | 0x2 | 0x4 | 0x200;
    private const int NoSuchEntry = 2;
    private const int NotADirectory = 20;

    /// <summary>Whether <see cref="Of"/> works here; elsewhere hard links cannot be ruled out.</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    /// <exception cref="IOException">statx failed for a reason other than a missing path.</exception>
    public static unsafe FileStatus Of(string path)
    {
        // struct statx is 256 bytes on every Linux architecture: nlink u32 @16, mode u16 @28, size u64 @40.
        var buffer = stackalloc byte[256];
        if (Native.Statx(AtFdCwd, path, AtSymlinkNoFollow, WantTypeModeLinksSize, buffer) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            return error is NoSuchEntry or NotADirectory
                ? new FileStatus(FileKind.Missing, 0, 0)
                : throw new IOException($"cannot inspect '{path}': {Marshal.GetPInvokeErrorMessage(error)}");
        }

        var mode = *(ushort*)(buffer + 28) & 0xF000;
        var kind = mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            _ => FileKind.Other,
        };
        return new FileStatus(kind, *(uint*)(buffer + 16), (long)Math.Min(*(ulong*)(buffer + 40), long.MaxValue));
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static unsafe partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);
    }
}
