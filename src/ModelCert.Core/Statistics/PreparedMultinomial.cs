namespace ModelCert.Core.Statistics;

/// <summary>
/// A binomial probability p with what a draw needs of it: p itself, and for the side at most one half (1 - p when p
/// is above 0.5, the draw then counted from n) that value, its logarithm, the logarithm of its complement and its odds.
/// </summary>
internal readonly record struct BinomialTerms(double P, bool Flipped, double Low, double LogLow, double LogHigh, double Odds)
{
    public static BinomialTerms Of(double p)
    {
        var flipped = p > 0.5;
        var low = flipped ? 1 - p : p;
        var high = 1 - low;
        return new BinomialTerms(p, flipped, low, Math.Log(low), Math.Log(high), low / high);
    }
}

/// <summary>
/// A multinomial row resample of fixed cells, prepared once for many replicates. A resample draws cell after cell
/// from Binomial(rows left, count / mass left); the mass left before a cell is the same in every replicate, so each
/// cell's probability, with its logarithms and odds, is computed here once instead of in every draw. The draws are
/// those of <see cref="Binomial.Sample(SeededRandom, long, double)"/>, bit for bit.
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
                Uniforms += _terms[i].P is > 0 and < 1 ? 1 : 0;
            }

            mass -= counts[i];
        }
    }

    /// <summary>The rows a resample draws: the sum of the counts.</summary>
    public long Total { get; }

    /// <summary>The uniforms a resample takes, unless its rows run out before its last cell (then it takes fewer).</summary>
    public long Uniforms { get; }

    /// <summary>Fills <paramref name="result"/> with one resample; returns the uniforms it took from <paramref name="random"/>.</summary>
    public long Resample(SeededRandom random, Span<long> result)
    {
        var remainingRows = Total;
        var remainingMass = Total;
        long uniforms = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (remainingMass <= 0 || remainingRows <= 0)
            {
                result[i] = 0;
                continue;
            }

            long draw;
            if (_takesRest[i])
            {
                draw = remainingRows;
            }
            else
            {
                uniforms += _terms[i].P is > 0 and < 1 ? 1 : 0;
                draw = Binomial.Sample(random, remainingRows, _terms[i]);
            }

            result[i] = draw;
            remainingRows -= draw;
            remainingMass -= _counts[i];
        }

        return uniforms;
    }
}
