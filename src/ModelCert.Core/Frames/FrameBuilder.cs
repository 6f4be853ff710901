namespace ModelCert.Core.Frames;

/// <summary>Concatenates the chunks of a source into one frame (for data that fits in memory).</summary>
public static class FrameBuilder
{
    public static Frame ReadAll(IFrameSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var chunks = new List<Frame>();
        while (source.ReadChunk() is { } chunk)
        {
            chunks.Add(chunk);
        }

        return Concatenate(source.Schema, chunks);
    }

    public static Frame Concatenate(FrameSchema schema, IReadOnlyList<Frame> chunks)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(chunks);
        if (chunks.Count == 1)
        {
            return chunks[0];
        }

        var rows = checked((int)chunks.Sum(c => (long)c.RowCount));
        var columns = new Column[schema.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var name = schema.Columns[c].Name;
            columns[c] = schema.Columns[c].Kind switch
            {
                ColumnKind.Float64 => new Float64Column(name, Gather(chunks, c, rows, (Float64Column x) => x.Values), GatherValidity(chunks, c, rows)),
                ColumnKind.Int64 => new Int64Column(name, Gather(chunks, c, rows, (Int64Column x) => x.Values), GatherValidity(chunks, c, rows)),
                ColumnKind.Boolean => new BooleanColumn(name, Gather(chunks, c, rows, (BooleanColumn x) => x.Values), GatherValidity(chunks, c, rows)),
                ColumnKind.String => new StringColumn(
                    name,
                    Gather(chunks, c, rows, (StringColumn x) => x.Codes),
                    chunks.Count > 0 ? ((StringColumn)chunks[0].Columns[c]).Dictionary : new StringDictionary(),
                    GatherValidity(chunks, c, rows)),
                _ => throw new ArgumentOutOfRangeException(nameof(schema), schema.Columns[c].Kind, "Unknown column kind."),
            };
        }

        return new Frame(columns, rows);
    }

    private static T[] Gather<TColumn, T>(IReadOnlyList<Frame> chunks, int column, int rows, Func<TColumn, T[]> values)
        where TColumn : Column
    {
        var result = new T[rows];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            var source = values((TColumn)chunk.Columns[column]);
            Array.Copy(source, 0, result, offset, chunk.RowCount);
            offset += chunk.RowCount;
        }

        return result;
    }

    private static Validity GatherValidity(IReadOnlyList<Frame> chunks, int column, int rows)
    {
        if (chunks.All(c => c.Columns[column].Validity.AllValid))
        {
            return default;
        }

        var bits = Validity.CreateAllValidBits(rows);
        var offset = 0;
        foreach (var chunk in chunks)
        {
            var validity = chunk.Columns[column].Validity;
            if (!validity.AllValid)
            {
                for (var row = 0; row < chunk.RowCount; row++)
                {
                    if (!validity.IsValid(row))
                    {
                        Validity.SetInvalid(bits, offset + row);
                    }
                }
            }

            offset += chunk.RowCount;
        }

        return new Validity(bits);
    }
}
