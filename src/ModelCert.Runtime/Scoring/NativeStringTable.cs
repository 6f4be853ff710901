using System.Runtime.InteropServices;
using ModelCert.Core.Frames;

namespace ModelCert.Runtime.Scoring;

/// <summary>
/// NUL-terminated UTF-8 copies of a column's dictionary values in native memory, made once per distinct value,
/// so a batch of string inputs is only an array of pointers chosen by dictionary code.
/// </summary>
internal sealed class NativeStringTable : IDisposable
{
    private readonly List<nint> _pointers = [];

    public nint this[int code] => _pointers[code];

    /// <summary>Copies the values the dictionary gained since the last call.</summary>
    public void CatchUp(StringDictionary dictionary)
    {
        for (var code = _pointers.Count; code < dictionary.Count; code++)
        {
            _pointers.Add(Marshal.StringToCoTaskMemUTF8(dictionary[code]));
        }
    }

    public void Dispose()
    {
        foreach (var pointer in _pointers)
        {
            Marshal.FreeCoTaskMem(pointer);
        }

        _pointers.Clear();
    }
}
