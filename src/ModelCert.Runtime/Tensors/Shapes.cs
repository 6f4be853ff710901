using System.Globalization;

namespace ModelCert.Runtime;

/// <summary>Shape arithmetic and formatting shared by inputs, outputs and validation.</summary>
internal static class Shapes
{
    /// <summary>Like <c>[-1,3]</c>.</summary>
    public static string Format(IReadOnlyList<long> shape) =>
        "[" + string.Join(",", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + "]";

    /// <summary>The number of elements of a concrete shape, or null when a dimension is negative or the product overflows.</summary>
    public static long? ElementCount(IReadOnlyList<long> shape)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                return null;
            }

            try
            {
                count = checked(count * dim);
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return count;
    }
}
