using System.Text;

namespace ModelCert.Runtime.Interop;

/// <summary>
/// Strings as one buffer of NUL-terminated UTF-8, with each string's start offset: pin <see cref="Bytes"/> and add
/// the offsets to get the <c>const char*</c> array the C API takes.
/// </summary>
internal sealed class Utf8Block
{
    private Utf8Block(byte[] bytes, int[] offsets)
    {
        Bytes = bytes;
        Offsets = offsets;
    }

    public byte[] Bytes { get; }

    public int[] Offsets { get; }

    /// <summary>Encodes <paramref name="values"/>; <paramref name="describe"/> names an element for the error when it is null or holds a NUL.</summary>
    public static Utf8Block Create(IReadOnlyList<string> values, Func<int, string> describe)
    {
        var offsets = new int[values.Count];
        var total = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i] ?? throw new ArgumentException($"{describe(i)} is null; strings must not be null");
            if (value.Contains('\0', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{describe(i)} contains a NUL character, which ONNX Runtime cannot take");
            }

            offsets[i] = total;
            total = checked(total + Encoding.UTF8.GetByteCount(value) + 1);
        }

        var bytes = new byte[total];
        for (var i = 0; i < values.Count; i++)
        {
            var written = Encoding.UTF8.GetBytes(values[i], bytes.AsSpan(offsets[i]));
            bytes[offsets[i] + written] = 0;
        }

        return new Utf8Block(bytes, offsets);
    }

    /// <summary>Fills <paramref name="pointers"/> with the address of each string, given the pinned address of <see cref="Bytes"/>.</summary>
    public unsafe void FillPointers(byte* pinned, Span<nint> pointers)
    {
        for (var i = 0; i < Offsets.Length; i++)
        {
            pointers[i] = (nint)(pinned + Offsets[i]);
        }
    }
}
