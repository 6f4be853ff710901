using ModelCert.Core.Frames;

namespace ModelCert.Data;

/// <summary>
/// Collects the validity of one frame column from DuckDB vectors. The bitmap is only allocated at the first null,
/// so a column chunk without nulls ends with <see cref="Validity.Bits"/> null.
/// </summary>
internal sealed unsafe class ValidityBuilder
{
    private ulong[]? _bits;
    private int _capacity;

    public void EnsureCapacity(int capacity)
    {
        if (_bits is not null && capacity > _bits.Length * 64)
        {
            var grown = Validity.CreateAllValidBits(capacity);
            _bits.CopyTo(grown, 0);
            _bits = grown;
        }

        _capacity = Math.Max(_capacity, capacity);
    }

    /// <summary>Copies rows <paramref name="offset"/>..+<paramref name="count"/> of a DuckDB validity mask (null = all valid) to <paramref name="destination"/>.</summary>
    public void Append(ulong* source, int offset, int count, int destination)
    {
        if (source is null)
        {
            return;
        }

        var row = 0;
        while (row < count)
        {
            var at = offset + row;
            var word = source[at >> 6];
            var bit = at & 63;
            if (word == ulong.MaxValue)
            {
                row += Math.Min(64 - bit, count - row);
                continue;
            }

            if ((word & (1UL << bit)) == 0)
            {
                _bits ??= Validity.CreateAllValidBits(_capacity);
                Validity.SetInvalid(_bits, destination + row);
            }

            row++;
        }
    }

    /// <summary>The validity of the first <paramref name="rows"/> rows; the builder starts empty again.</summary>
    public Validity Build(int rows)
    {
        var bits = _bits;
        _bits = null;
        if (bits is null)
        {
            return default;
        }

        var words = (rows + 63) >> 6;
        return new Validity(bits.Length == words ? bits : bits[..words]);
    }
}
