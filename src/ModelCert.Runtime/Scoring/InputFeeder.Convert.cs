using ModelCert.Core.Frames;

namespace ModelCert.Runtime.Scoring;

internal sealed partial class InputFeeder
{
    private void FillFloat(Column column, int start, int count, int j, long firstRow)
    {
        var target = _floats!;
        var validity = column.Validity;
        switch (column)
        {
            case Float64Column c:
                for (var i = 0; i < count; i++)
                {
                    target[(i * _width) + j] = validity.IsValid(start + i) ? (float)c.Values[start + i] : float.NaN;
                }

                break;
            case Int64Column c:
                for (var i = 0; i < count; i++)
                {
                    target[(i * _width) + j] = validity.IsValid(start + i) ? c.Values[start + i] : float.NaN;
                }

                break;
            case BooleanColumn c:
                for (var i = 0; i < count; i++)
                {
                    target[(i * _width) + j] = validity.IsValid(start + i) ? (c.Values[start + i] ? 1f : 0f) : float.NaN;
                }

                break;
            case StringColumn c:
                for (var i = 0; i < count; i++)
                {
                    var row = start + i;
                    target[(i * _width) + j] = validity.IsValid(row) ? (float)ParseText(c, row, firstRow) : float.NaN;
                }

                break;
            default:
                throw Mismatch(column, start, firstRow, "of an unsupported kind");
        }
    }

    private void FillDouble(Column column, int start, int count, int j, long firstRow)
    {
        var target = _doubles!;
        var validity = column.Validity;
        switch (column)
        {
            case Float64Column c:
                for (var i = 0; i < count; i++)
                {
                    target[(i * _width) + j] = validity.IsValid(start + i) ? c.Values[start + i] : double.NaN;
                }

                break;
            case Int64Column c:
                for (var i = 0; i < count; i++)
                {
                    target[(i * _width) + j] = validity.IsValid(start + i) ? c.Values[start + i] : double.NaN;
                }

                break;
            case BooleanColumn c:
                for (var i = 0; i < count; i++)
                {
                    target[(i * _width) + j] = validity.IsValid(start + i) ? (c.Values[start + i] ? 1d : 0d) : double.NaN;
                }

                break;
            case StringColumn c:
                for (var i = 0; i < count; i++)
                {
                    var row = start + i;
                    target[(i * _width) + j] = validity.IsValid(row) ? ParseText(c, row, firstRow) : double.NaN;
                }

                break;
            default:
                throw Mismatch(column, start, firstRow, "of an unsupported kind");
        }
    }

    /// <summary>Integer and bool inputs: whole numbers only, no missing values.</summary>
    private void FillInteger(Column column, int start, int count, int j, long firstRow, Action<int, long> store)
    {
        for (var i = 0; i < count; i++)
        {
            var row = start + i;
            if (!column.IsValid(row))
            {
                throw MissingValue(column, row, firstRow);
            }

            long value;
            switch (column)
            {
                case Int64Column c:
                    value = c.Values[row];
                    break;
                case BooleanColumn c:
                    value = c.Values[row] ? 1 : 0;
                    break;
                case Float64Column c when Math.Floor(c.Values[row]) == c.Values[row] && Math.Abs(c.Values[row]) < 9.2e18:
                    value = (long)c.Values[row];
                    break;
                default:
                    throw Mismatch(column, row, firstRow, $"'{column.FormatValue(row)}'");
            }

            if (_binding.Input.ElementType == TensorElementType.Int32 && value is > int.MaxValue or < int.MinValue)
            {
                throw Mismatch(column, row, firstRow, $"'{column.FormatValue(row)}' (outside the int32 range)");
            }

            if (_binding.Input.ElementType == TensorElementType.Bool && value is not (0 or 1))
            {
                throw Mismatch(column, row, firstRow, $"'{column.FormatValue(row)}' (bool inputs take 0/1 or true/false)");
            }

            store((i * _width) + j, value);
        }
    }

    /// <summary>String inputs: dictionary-coded text directly; integers and bools as their invariant text.</summary>
    private void FillStrings(Column column, int start, int count, int j, long firstRow)
    {
        var target = _pointers!;
        if (column is StringColumn text)
        {
            if (!_tables.TryGetValue(text.Dictionary, out var table))
            {
                table = new NativeStringTable();
                _tables.Add(text.Dictionary, table);
            }

            table.CatchUp(text.Dictionary);
            for (var i = 0; i < count; i++)
            {
                var row = start + i;
                if (!text.IsValid(row))
                {
                    throw MissingValue(column, row, firstRow);
                }

                target[(i * _width) + j] = table[text.Codes[row]];
            }

            return;
        }

        if (column is Float64Column)
        {
            var row = FirstValid(column, start, count);
            throw Mismatch(column, row, firstRow, $"{column.FormatValue(row)} (a decimal number; convert the column to text categories first)");
        }

        for (var i = 0; i < count; i++)
        {
            var row = start + i;
            var value = column.FormatValue(row) ?? throw MissingValue(column, row, firstRow);
            var code = _formatted.GetOrAdd(value);
            _formattedTable.CatchUp(_formatted);
            target[(i * _width) + j] = _formattedTable[code];
        }
    }

    /// <summary>Text that holds numbers (a CSV column read with an explicit text schema, JSON strings) is parsed once per distinct value.</summary>
    private double ParseText(StringColumn column, int row, long firstRow)
    {
        if (!_parsed.TryGetValue(column.Dictionary, out var parsed))
        {
            parsed = [];
            _parsed.Add(column.Dictionary, parsed);
        }

        var code = column.Codes[row];
        for (var next = parsed.Count; next < column.Dictionary.Count; next++)
        {
            parsed.Add(double.TryParse(column.Dictionary[next], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : null);
        }

        return parsed[code] ?? throw Mismatch(column, row, firstRow, $"'{column.Dictionary[code]}' (text, not a number)");
    }
}
