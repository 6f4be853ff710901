using System.Globalization;
using ModelCert.Core;
using ModelCert.Core.Frames;

namespace ModelCert.Runtime.Scoring;

/// <summary>
/// Fills one model input for a batch of rows from its columns, converting each to the input's declared element type.
/// Buffers are reused across batches. Missing numbers become NaN for float inputs; any other input refuses them.
/// </summary>
internal sealed partial class InputFeeder : IDisposable
{
    private readonly InputBinding _binding;
    private readonly string _dataOrigin;
    private readonly int _width;
    private readonly float[]? _floats;
    private readonly double[]? _doubles;
    private readonly long[]? _longs;
    private readonly int[]? _ints;
    private readonly bool[]? _bools;
    private readonly nint[]? _pointers;
    private readonly Dictionary<StringDictionary, NativeStringTable> _tables = [];
    private readonly StringDictionary _formatted = new();
    private readonly NativeStringTable _formattedTable = new();
    private readonly Dictionary<StringDictionary, List<double?>> _parsed = [];

    public InputFeeder(InputBinding binding, string dataOrigin, int batchRows)
    {
        _binding = binding;
        _dataOrigin = dataOrigin;
        _width = binding.Width;
        var size = checked(batchRows * _width);
        switch (binding.Input.ElementType)
        {
            case TensorElementType.Float: _floats = new float[size]; break;
            case TensorElementType.Double: _doubles = new double[size]; break;
            case TensorElementType.Int64: _longs = new long[size]; break;
            case TensorElementType.Int32: _ints = new int[size]; break;
            case TensorElementType.Bool: _bools = new bool[size]; break;
            case TensorElementType.String: _pointers = new nint[size]; break;
            default:
                throw new InputException(
                    $"model input '{binding.Input.Name}' takes {binding.Input.ElementType.ToString().ToLowerInvariant()} tensors, which ModelCert cannot feed from data columns (supported: float, double, int64, int32, bool, string)");
        }
    }

    /// <summary>Builds the tensor for rows [start, start+count) of the chunk; <paramref name="firstRow"/> is the chunk's first row in the file (0-based).</summary>
    public InputTensor Fill(Frame chunk, int start, int count, long firstRow)
    {
        for (var j = 0; j < _width; j++)
        {
            var column = chunk[_binding.Columns[j]];
            switch (_binding.Input.ElementType)
            {
                case TensorElementType.Float: FillFloat(column, start, count, j, firstRow); break;
                case TensorElementType.Double: FillDouble(column, start, count, j, firstRow); break;
                case TensorElementType.Int64: FillInteger(column, start, count, j, firstRow, (i, v) => _longs![i] = v); break;
                case TensorElementType.Int32: FillInteger(column, start, count, j, firstRow, (i, v) => _ints![i] = checked((int)v)); break;
                case TensorElementType.Bool: FillInteger(column, start, count, j, firstRow, (i, v) => _bools![i] = v != 0); break;
                default: FillStrings(column, start, count, j, firstRow); break;
            }
        }

        long[] shape = _binding.IsRankOne ? [count] : [count, _width];
        var name = _binding.Input.Name;
        var size = count * _width;
        return _binding.Input.ElementType switch
        {
            TensorElementType.Float => InputTensor.Float32(name, _floats.AsMemory(0, size), shape),
            TensorElementType.Double => InputTensor.Float64(name, _doubles.AsMemory(0, size), shape),
            TensorElementType.Int64 => InputTensor.Int64(name, _longs.AsMemory(0, size), shape),
            TensorElementType.Int32 => InputTensor.Int32(name, _ints.AsMemory(0, size), shape),
            TensorElementType.Bool => InputTensor.Bool(name, _bools.AsMemory(0, size), shape),
            _ => InputTensor.Utf8Strings(name, _pointers.AsMemory(0, size), shape),
        };
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values)
        {
            table.Dispose();
        }

        _formattedTable.Dispose();
    }

    private string Expected => _binding.Input.ElementType.ToString().ToLowerInvariant();

    private InputException Mismatch(Column column, int row, long firstRow, string found) =>
        new($"{Where(column, row, firstRow)}: value {found} does not fit model input '{_binding.Input.Name}', which expects {Expected}");

    private InputException MissingValue(Column column, int row, long firstRow) =>
        new($"{Where(column, row, firstRow)}: value is missing, but model input '{_binding.Input.Name}' is {Expected} and cannot take missing values (only float and double inputs take NaN); fill or drop the missing values");

    private string Where(Column column, int row, long firstRow)
    {
        var dataRow = firstRow + row + 1;
        var line = _dataOrigin.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? string.Create(CultureInfo.InvariantCulture, $" (line {dataRow + 1})")
            : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"'{_dataOrigin}' row {dataRow}{line}, column '{column.Name}'");
    }

    private static int FirstValid(Column column, int start, int count)
    {
        for (var row = start; row < start + count; row++)
        {
            if (column.IsValid(row))
            {
                return row;
            }
        }

        return start;
    }
}
