using ModelCert.Core.Frames;

namespace ModelCert.Data.Tests;

/// <summary>Reads frame columns as plain lists for comparisons (null for missing rows).</summary>
internal static class FrameValues
{
    public static List<string?> Strings(Frame frame, string column)
    {
        var values = (StringColumn)frame[column];
        return [.. Enumerable.Range(0, frame.RowCount).Select(values.GetValue)];
    }

    public static List<long?> Int64s(Frame frame, string column)
    {
        var values = (Int64Column)frame[column];
        return [.. Enumerable.Range(0, frame.RowCount).Select(r => values.IsValid(r) ? values.Values[r] : (long?)null)];
    }

    public static List<double?> Float64s(Frame frame, string column)
    {
        var values = (Float64Column)frame[column];
        return [.. Enumerable.Range(0, frame.RowCount).Select(r => values.IsValid(r) ? values.Values[r] : (double?)null)];
    }

    public static List<bool?> Booleans(Frame frame, string column)
    {
        var values = (BooleanColumn)frame[column];
        return [.. Enumerable.Range(0, frame.RowCount).Select(r => values.IsValid(r) ? values.Values[r] : (bool?)null)];
    }

    public static string Kinds(FrameSchema schema) => string.Join(", ", schema.Columns.Select(c => $"{c.Name}:{c.Kind}"));
}
