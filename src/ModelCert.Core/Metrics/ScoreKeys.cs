using System.Numerics;

namespace ModelCert.Core.Metrics;

/// <summary>
/// Scores as unsigned integers that sort in the same order as the doubles (flip the sign bit of positives, every
/// bit of negatives; -0.0 folds into +0.0, as comparisons treat them), split by label and sorted. The sort is a
/// bucket pass on the keys' leading bits (within the data's own range, so each binade gets many buckets) followed
/// by a radix sort of each bucket while it is in cache. Only keys move: within a tie every row is alike.
/// </summary>
internal sealed partial class ScoreKeys
{
    private const ulong SignBit = 0x8000_0000_0000_0000UL;
    private const int BucketBits = 11;
    private const int DigitBits = 11;
    private const int Radix = 1 << DigitBits;
    private const int SmallSort = 32;

    private ScoreKeys(ulong[] positives, ulong[] negatives, bool[] nanLabels)
    {
        Positives = positives;
        Negatives = negatives;
        NanLabels = nanLabels;
    }

    /// <summary>Keys of the non-NaN positive rows, ascending.</summary>
    public ulong[] Positives { get; }

    /// <summary>Keys of the non-NaN negative rows, ascending.</summary>
    public ulong[] Negatives { get; }

    /// <summary>The labels of NaN rows, in row order (NaN has no key).</summary>
    public bool[] NanLabels { get; }

    public static ulong Of(double score)
    {
        var bits = unchecked((ulong)BitConverter.DoubleToInt64Bits(score + 0.0));
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    public static double ToScore(ulong key) =>
        BitConverter.Int64BitsToDouble(unchecked((long)((key & SignBit) != 0 ? key & ~SignBit : ~key)));

    public static ScoreKeys Sort(ReadOnlySpan<double> scores, ReadOnlySpan<bool> truth)
    {
        if (scores.Length != truth.Length)
        {
            throw new ArgumentException("Scores and labels differ in length.", nameof(truth));
        }

        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        var nans = 0;
        foreach (var score in scores)
        {
            min = score < min ? score : min;
            max = score > max ? score : max;
            nans += double.IsNaN(score) ? 1 : 0;
        }

        var nanLabels = new bool[nans];
        if (nans == scores.Length)
        {
            for (var i = 0; i < scores.Length; i++)
            {
                nanLabels[i] = truth[i];
            }

            return new ScoreKeys([], [], nanLabels);
        }

        // Buckets: the key minus the smallest key, shifted so the largest lands below 2^BucketBits.
        var low = Of(min);
        var range = Of(max) - low;
        var shift = Math.Max(0, 64 - BitOperations.LeadingZeroCount(range) - BucketBits);
        var buckets = (int)(range >> shift) + 1;
        var starts = new int[2 * (buckets + 1)];
        var positiveStarts = starts.AsSpan(0, buckets + 1);
        var negativeStarts = starts.AsSpan(buckets + 1, buckets + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsNaN(scores[i]))
            {
                var b = (int)((Of(scores[i]) - low) >> shift);
                (truth[i] ? ref positiveStarts[b + 1] : ref negativeStarts[b + 1])++;
            }
        }

        for (var b = 0; b < buckets; b++)
        {
            positiveStarts[b + 1] += positiveStarts[b];
            negativeStarts[b + 1] += negativeStarts[b];
        }

        var positives = GC.AllocateUninitializedArray<ulong>(positiveStarts[buckets]);
        var negatives = GC.AllocateUninitializedArray<ulong>(negativeStarts[buckets]);
        var positiveNext = positiveStarts[..buckets].ToArray();
        var negativeNext = negativeStarts[..buckets].ToArray();
        var nan = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var score = scores[i];
            if (double.IsNaN(score))
            {
                nanLabels[nan++] = truth[i];
                continue;
            }

            var key = Of(score);
            var b = (int)((key - low) >> shift);
            if (truth[i])
            {
                positives[positiveNext[b]++] = key;
            }
            else
            {
                negatives[negativeNext[b]++] = key;
            }
        }

        var largest = 0;
        for (var b = 0; b < buckets; b++)
        {
            largest = Math.Max(largest, Math.Max(positiveStarts[b + 1] - positiveStarts[b], negativeStarts[b + 1] - negativeStarts[b]));
        }

        var scratch = GC.AllocateUninitializedArray<ulong>(largest);
        var counts = new int[((64 / DigitBits) + 2) * (Radix + 1)];
        for (var b = 0; b < buckets; b++)
        {
            SortRange(positives.AsSpan(positiveStarts[b], positiveStarts[b + 1] - positiveStarts[b]), scratch, low, shift, counts, 0);
            SortRange(negatives.AsSpan(negativeStarts[b], negativeStarts[b + 1] - negativeStarts[b]), scratch, low, shift, counts, 0);
        }

        return new ScoreKeys(positives, negatives, nanLabels);
    }
}
