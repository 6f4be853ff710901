namespace ModelCert.Core.Metrics;

/// <summary>The sort within one bucket: most significant digit first, in cache, small parts by insertion.</summary>
internal sealed partial class ScoreKeys
{
    /// <summary>
    /// Sorts keys that agree above bit <paramref name="shift"/> of (key - low): split by the next digit below it
    /// (most significant first) through <paramref name="scratch"/>, then each part the same way; small parts by insertion.
    /// </summary>
    private static void SortRange(Span<ulong> keys, Span<ulong> scratch, ulong low, int shift, int[] counts, int depth)
    {
        if (keys.Length <= SmallSort)
        {
            InsertionSort(keys);
            return;
        }

        unchecked
        {
            while (shift > 0)
            {
                var digitShift = Math.Max(0, shift - DigitBits);
                var mask = (1 << (shift - digitShift)) - 1;
                var offsets = counts.AsSpan(depth * (Radix + 1), mask + 2);
                offsets.Clear();
                foreach (var key in keys)
                {
                    offsets[(int)((key - low) >> digitShift) & mask]++;
                }

                shift = digitShift;
                if (offsets[(int)((keys[0] - low) >> digitShift) & mask] == keys.Length)
                {
                    continue; // one digit for all: go down a digit without moving anything
                }

                var sum = 0;
                for (var d = 0; d <= mask; d++)
                {
                    (offsets[d], sum) = (sum, sum + offsets[d]);
                }

                offsets[mask + 1] = sum;
                foreach (var key in keys)
                {
                    scratch[offsets[(int)((key - low) >> digitShift) & mask]++] = key;
                }

                scratch[..keys.Length].CopyTo(keys);
                var start = 0;
                for (var d = 0; d <= mask; d++)
                {
                    var end = offsets[d];
                    if (end - start > 1 && shift > 0)
                    {
                        SortRange(keys[start..end], scratch[start..end], low, shift, counts, depth + 1);
                    }

                    start = end;
                }

                return;
            }
        }
    }

    private static void InsertionSort(Span<ulong> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            var key = keys[i];
            var j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = key;
        }
    }
}
