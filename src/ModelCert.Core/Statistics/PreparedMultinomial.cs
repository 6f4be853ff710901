namespace ModelCert.Core.Statistics;

/// <summary>
/// A binomial probability p with the side at most one half (1 - p when p is above 0.5, the draw then counted from n)
/// and the logarithm of that side's complement, which inversion needs in every draw.
/// </summary>
internal readonly record struct BinomialTerms(double P, bool Flipped, double Low, double LogHigh)
{
    public static BinomialTerms Of(double p)
    {
        var flipped = p > 0.5;
        var low = flipped ? 1 - p : p;
        return new BinomialTerms(p, flipped, low, Math.Log(1 - low));
    }
}

/// <summary>
/// A multinomial row resample of fixed cells, prepared once for many replicates. A resample draws cell after cell
/// from Binomial(rows left, count / mass left); the mass left before a cell is the same in every replicate, so each
/// cell's probability is computed here once instead of in every draw. The draws are those of
/// <see cref="Binomial.ResampleCounts"/>, bit for bit.
/// </summary>
internal sealed class PreparedMultinomial
{
    private readonly long[] _counts;
    private readonly BinomialTerms[] _terms;
    private readonly bool[] _takesRest;

    public PreparedMultinomial(ReadOnlySpan<long> counts)
    {
        _counts = counts.ToArray();
        _terms = new BinomialTerms[counts.Length];
        _takesRest = new bool[counts.Length];
        long mass = 0;
        foreach (var c in counts)
        {
            mass += c;
        }

        Total = mass;
        for (var i = 0; i < counts.Length && mass > 0; i++)
        {
            _takesRest[i] = i == counts.Length - 1 || counts[i] == mass;
            if (!_takesRest[i])
            {
                _terms[i] = BinomialTerms.Of(counts[i] / (double)mass);
            }

            mass -= counts[i];
        }
    }

    /// <summary>The rows a resample draws: the sum of the counts.</summary>
    public long Total { get; }

    /// <summary>Fills <paramref name="result"/> with one resample drawn from <paramref name="random"/>.</summary>
    public void Resample(SeededRandom random, Span<long> result)
    {
        var remainingRows = Total;
        var remainingMass = Total;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (remainingMass <= 0 || remainingRows <= 0)
            {
                result[i] = 0;
                continue;
            }

            var draw = _takesRest[i] ? remainingRows : Binomial.Sample(random, remainingRows, _terms[i]);
            result[i] = draw;
            remainingRows -= draw;
            remainingMass -= _counts[i];
        }
    }
}
