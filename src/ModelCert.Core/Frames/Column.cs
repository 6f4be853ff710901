namespace ModelCert.Core.Frames;

/// <summary>One typed column of a <see cref="Frame"/>: values plus validity. Columns are immutable once built.</summary>
public abstract class Column
{
    protected Column(string name, int length, Validity validity)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Name = name;
        Length = length;
        Validity = validity;
    }

    public string Name { get; }

    public abstract ColumnKind Kind { get; }

    public int Length { get; }

    public Validity Validity { get; }

    public bool IsValid(int row) => Validity.IsValid(row);

    /// <summary>The value as text, for messages and exports; null when missing.</summary>
    public abstract string? FormatValue(int row);
}

public sealed class Float64Column(string name, double[] values, Validity validity = default)
    : Column(name, values.Length, validity)
{
    public override ColumnKind Kind => ColumnKind.Float64;

    public double[] Values { get; } = values;

    public override string? FormatValue(int row) =>
        IsValid(row) ? Values[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture) : null;
}

public sealed class Int64Column(string name, long[] values, Validity validity = default)
    : Column(name, values.Length, validity)
{
    public override ColumnKind Kind => ColumnKind.Int64;

    public long[] Values { get; } = values;

    public override string? FormatValue(int row) =>
        IsValid(row) ? Values[row].ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
}

public sealed class BooleanColumn(string name, bool[] values, Validity validity = default)
    : Column(name, values.Length, validity)
{
    public override ColumnKind Kind => ColumnKind.Boolean;

    public bool[] Values { get; } = values;

    public override string? FormatValue(int row) => IsValid(row) ? (Values[row] ? "true" : "false") : null;
}

/// <summary>
/// A string column kept as dictionary codes: <c>Dictionary.Values[Codes[row]]</c> is the value of a valid row.
/// Codes of missing rows are unspecified. Chunks read from one source share one growing dictionary,
/// so a code means the same value in every chunk.
/// </summary>
public sealed class StringColumn(string name, int[] codes, StringDictionary dictionary, Validity validity = default)
    : Column(name, codes.Length, validity)
{
    public override ColumnKind Kind => ColumnKind.String;

    public int[] Codes { get; } = codes;

    public StringDictionary Dictionary { get; } = dictionary;

    public string? GetValue(int row) => IsValid(row) ? Dictionary[Codes[row]] : null;

    public override string? FormatValue(int row) => GetValue(row);
}
