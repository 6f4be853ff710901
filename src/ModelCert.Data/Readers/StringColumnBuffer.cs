using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// A string column as dictionary codes. The interner, and with it the <see cref="StringDictionary"/>, lives as long as
/// the source, so a code means the same value in every chunk.
/// </summary>
internal sealed unsafe class StringColumnBuffer(string name) : ColumnBuffer(name)
{
    private readonly StringInterner _interner = new();
    private int[]? _codes;

    public override void EnsureCapacity(int capacity)
    {
        _codes = Grow(_codes, capacity);
        Validity.EnsureCapacity(capacity);
    }

    public override void Append(DuckDbDataChunk chunk, int column, int offset, int count, int destination)
    {
        var validity = chunk.GetValidityPointer(column);
        _interner.Encode((byte*)chunk.GetData(column), validity, offset, count, _codes.AsSpan(destination, count));
        Validity.Append(validity, offset, count, destination);
    }

    public override Column Build(int rows) => new StringColumn(Name, Take(ref _codes, rows), _interner.Dictionary, Validity.Build(rows));
}
