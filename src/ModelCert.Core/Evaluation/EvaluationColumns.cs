using System.Globalization;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Evaluation;

/// <summary>
/// Turns data columns into what the checks read: the label as truth, numbers as scores or targets, protected
/// columns as group codes, and pairs of attributes as intersections. Bad values fail with file, row and column.
/// </summary>
public static class EvaluationColumns
{
    public static Column Require(Frame frame, string column, string origin, string role)
    {
        ArgumentNullException.ThrowIfNull(frame);
        RequireName(frame.Schema, column, origin, role);
        return frame[column];
    }

    /// <summary>Fails, naming the closest columns, when <paramref name="column"/> is not in the schema.</summary>
    public static void RequireName(FrameSchema schema, string column, string origin, string role)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Find(column) is not null)
        {
            return;
        }

        var closest = Text.Closest.To(column, schema.Names).Select(n => $"'{n}'");
        throw new InputException($"{role} column '{column}' is not in '{origin}'; closest: {string.Join(", ", closest)}");
    }

    /// <summary>
    /// True where the label equals the positive value. Without one, a numeric or boolean label's positive value is
    /// 1 (true), and a text label must be 0/1-like; otherwise the caller must name it.
    /// </summary>
    public static bool[] Truth(Frame frame, string label, string? positive, string origin)
    {
        var column = Require(frame, label, origin, "label");
        var truth = new bool[frame.RowCount];
        if (FirstMissing(column, frame.RowCount) is { } missing)
        {
            throw new InputException($"'{origin}' row {missing + 1}, column '{label}': the label is missing; every evaluated row needs one");
        }

        if (column is Float64Column or Int64Column or BooleanColumn)
        {
            var target = positive is null ? 1.0 : ParsePositive(positive, label, column is BooleanColumn);
            for (var row = 0; row < frame.RowCount; row++)
            {
                truth[row] = column switch
                {
                    Float64Column f => f.Values[row] == target,
                    Int64Column i => i.Values[row] == target,
                    BooleanColumn b => (b.Values[row] ? 1.0 : 0.0) == target,
                    _ => false,
                };
            }

            return truth;
        }

        var text = (StringColumn)column;
        var observed = Enumerable.Range(0, frame.RowCount).Select(r => text.Codes[r]).Distinct().Select(c => text.Dictionary[c]).Order(StringComparer.Ordinal).ToList();
        var wanted = positive ?? (observed.All(v => v is "0" or "1") ? "1" : null)
            ?? throw new InputException($"label column '{label}' of '{origin}' holds text ({Quote(observed)}); name the positive value with --positive");
        if (!text.Dictionary.TryGetCode(wanted, out var positiveCode) || !observed.Contains(wanted))
        {
            throw new InputException($"positive value '{wanted}' does not occur in label column '{label}' of '{origin}'; values: {Quote(observed)}");
        }

        for (var row = 0; row < frame.RowCount; row++)
        {
            truth[row] = text.Codes[row] == positiveCode;
        }

        return truth;
    }

    /// <summary>A numeric column as doubles (scores, targets); text must parse as numbers, missing is an error.</summary>
    public static double[] Numbers(Frame frame, string name, string origin, string role)
    {
        var column = Require(frame, name, origin, role);
        var result = new double[frame.RowCount];
        for (var row = 0; row < frame.RowCount; row++)
        {
            if (!column.IsValid(row))
            {
                throw new InputException($"'{origin}' row {row + 1}, column '{name}': the {role} is missing; expected a number");
            }

            result[row] = column switch
            {
                Float64Column f => f.Values[row],
                Int64Column i => i.Values[row],
                BooleanColumn b => b.Values[row] ? 1 : 0,
                StringColumn s when double.TryParse(s.GetValue(row), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
                _ => throw new InputException($"'{origin}' row {row + 1}, column '{name}': {role} value '{column.FormatValue(row)}' is not a number"),
            };
            if (double.IsNaN(result[row]) || double.IsInfinity(result[row]))
            {
                throw new InputException($"'{origin}' row {row + 1}, column '{name}': {role} value '{column.FormatValue(row)}' is not a finite number");
            }
        }

        return result;
    }

    /// <summary>A protected column as group codes; missing values get code -1 and are counted, not grouped.</summary>
    public static ProtectedAttribute Attribute(Frame frame, string name, string origin)
    {
        var column = Require(frame, name, origin, "protected");
        var groups = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new int[frame.RowCount];
        for (var row = 0; row < frame.RowCount; row++)
        {
            if (column.FormatValue(row) is not { } value)
            {
                codes[row] = -1;
                continue;
            }

            if (!index.TryGetValue(value, out var code))
            {
                code = groups.Count;
                groups.Add(value);
                index.Add(value, code);
            }

            codes[row] = code;
        }

        return new ProtectedAttribute(column.Name, codes, groups);
    }

    /// <summary>The intersection <c>a|b</c>: one group per (x, y) pair that occurs, named <c>x|y</c>.</summary>
    public static ProtectedAttribute Intersect(ProtectedAttribute a, ProtectedAttribute b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var groups = new List<string>();
        var index = new Dictionary<long, int>();
        var codes = new int[a.Codes.Length];
        for (var row = 0; row < codes.Length; row++)
        {
            var (x, y) = (a.Codes[row], b.Codes[row]);
            if (x < 0 || y < 0)
            {
                codes[row] = -1;
                continue;
            }

            var key = ((long)x * b.Groups.Count) + y;
            if (!index.TryGetValue(key, out var code))
            {
                code = groups.Count;
                groups.Add($"{a.Groups[x]}|{b.Groups[y]}");
                index.Add(key, code);
            }

            codes[row] = code;
        }

        return new ProtectedAttribute($"{a.Name}|{b.Name}", codes, groups);
    }

    private static double ParsePositive(string positive, string label, bool boolean) =>
        positive.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" => 1,
            "false" or "no" => 0,
            var text when !boolean && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
            _ when boolean => throw new InputException($"positive value '{positive}' does not fit label column '{label}', which holds true/false values (read from true/false or yes/no); use --positive true or false"),
            _ => throw new InputException($"positive value '{positive}' is not a number, but label column '{label}' is numeric"),
        };

    private static int? FirstMissing(Column column, int rows)
    {
        if (column.Validity.AllValid)
        {
            return null;
        }

        for (var row = 0; row < rows; row++)
        {
            if (!column.IsValid(row))
            {
                return row;
            }
        }

        return null;
    }

    private static string Quote(IEnumerable<string> values)
    {
        var list = values.Take(11).ToList();
        return string.Join(", ", list.Take(10).Select(v => $"'{v}'")) + (list.Count > 10 ? ", ..." : string.Empty);
    }
}
