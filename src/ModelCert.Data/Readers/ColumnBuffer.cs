using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// Gathers one column of a frame chunk from consecutive DuckDB chunks. Values are copied straight from DuckDB's
/// vectors; each built column takes ownership of the arrays, and the buffer starts fresh for the next chunk.
/// </summary>
internal abstract unsafe class ColumnBuffer(string name)
{
    protected ValidityBuilder Validity { get; } = new();

    public string Name { get; } = name;

    public static ColumnBuffer Create(ColumnPlan plan) => plan.Kind switch
    {
        ColumnKind.Float64 => new Float64Buffer(plan.Name),
        ColumnKind.Int64 => new Int64Buffer(plan.Name),
        ColumnKind.Boolean => new BooleanBuffer(plan.Name),
        ColumnKind.String => new StringColumnBuffer(plan.Name),
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan.Kind, "Unknown column kind."),
    };

    public abstract void EnsureCapacity(int capacity);

    /// <summary>Appends rows <paramref name="offset"/>..+<paramref name="count"/> of column <paramref name="column"/> at row <paramref name="destination"/>.</summary>
    public abstract void Append(DuckDbDataChunk chunk, int column, int offset, int count, int destination);

    public abstract Column Build(int rows);

    protected static T[] Grow<T>(T[]? values, int capacity)
    {
        if (values is not null && values.Length >= capacity)
        {
            return values;
        }

        var grown = GC.AllocateUninitializedArray<T>(capacity);
        values?.CopyTo(grown, 0);
        return grown;
    }

    protected static T[] Take<T>(ref T[]? values, int rows)
    {
        var taken = values ?? [];
        values = null;
        return taken.Length == rows ? taken : taken[..rows];
    }

    private sealed class Float64Buffer(string name) : ColumnBuffer(name)
    {
        private double[]? _values;

        public override void EnsureCapacity(int capacity)
        {
            _values = Grow(_values, capacity);
            Validity.EnsureCapacity(capacity);
        }

        public override void Append(DuckDbDataChunk chunk, int column, int offset, int count, int destination)
        {
            new ReadOnlySpan<double>((double*)chunk.GetData(column) + offset, count).CopyTo(_values.AsSpan(destination));
            Validity.Append(chunk.GetValidityPointer(column), offset, count, destination);
        }

        public override Column Build(int rows) => new Float64Column(Name, Take(ref _values, rows), Validity.Build(rows));
    }

    private sealed class Int64Buffer(string name) : ColumnBuffer(name)
    {
        private long[]? _values;

        public override void EnsureCapacity(int capacity)
        {
            _values = Grow(_values, capacity);
            Validity.EnsureCapacity(capacity);
        }

        public override void Append(DuckDbDataChunk chunk, int column, int offset, int count, int destination)
        {
            new ReadOnlySpan<long>((long*)chunk.GetData(column) + offset, count).CopyTo(_values.AsSpan(destination));
            Validity.Append(chunk.GetValidityPointer(column), offset, count, destination);
        }

        public override Column Build(int rows) => new Int64Column(Name, Take(ref _values, rows), Validity.Build(rows));
    }

    private sealed class BooleanBuffer(string name) : ColumnBuffer(name)
    {
        private bool[]? _values;

        public override void EnsureCapacity(int capacity)
        {
            _values = Grow(_values, capacity);
            Validity.EnsureCapacity(capacity);
        }

        public override void Append(DuckDbDataChunk chunk, int column, int offset, int count, int destination)
        {
            // DuckDB stores 0/1 bytes, but a missing row's byte is arbitrary; normalise instead of reinterpreting.
            var source = (byte*)chunk.GetData(column) + offset;
            var target = _values.AsSpan(destination, count);
            for (var row = 0; row < target.Length; row++)
            {
                target[row] = source[row] != 0;
            }

            Validity.Append(chunk.GetValidityPointer(column), offset, count, destination);
        }

        public override Column Build(int rows) => new BooleanColumn(Name, Take(ref _values, rows), Validity.Build(rows));
    }
}
