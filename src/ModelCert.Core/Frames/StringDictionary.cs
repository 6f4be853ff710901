namespace ModelCert.Core.Frames;

/// <summary>
/// The distinct values of a string column, in first-seen order. Append-only, so codes handed out stay valid
/// while a streaming reader keeps adding values from later chunks.
/// </summary>
public sealed class StringDictionary
{
    private readonly List<string> _values = [];
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public string this[int code] => _values[code];

    public IReadOnlyList<string> Values => _values;

    /// <summary>The code of <paramref name="value"/>, adding it when new.</summary>
    public int GetOrAdd(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_codes.TryGetValue(value, out var code))
        {
            return code;
        }

        code = _values.Count;
        _values.Add(value);
        _codes.Add(value, code);
        return code;
    }

    public bool TryGetCode(string value, out int code) => _codes.TryGetValue(value, out code);
}
