using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Compliance;

/// <summary>What a consent column says, row by row: consent given or not, and the values it could not read as either.</summary>
public sealed record ConsentReading(bool[] Given, long Missing, IReadOnlyDictionary<string, long> Unrecognised)
{
    public long WithConsent => Given.LongCount(g => g);

    public long WithoutConsent => Given.Length - WithConsent;
}

/// <summary>
/// Reads a consent column. Consent is given by <c>true</c>, the number 1, or (any case, trimmed) the texts
/// <c>true</c>, <c>1</c>, <c>yes</c>, <c>y</c>, <c>consent</c>, <c>consented</c>, <c>given</c>, <c>granted</c>,
/// <c>agreed</c>, <c>accepted</c>, <c>opt-in</c>, <c>opted-in</c>. It is refused by <c>false</c>, 0 and the texts
/// <c>false</c>, <c>0</c>, <c>no</c>, <c>n</c>, <c>none</c>, <c>refused</c>, <c>denied</c>, <c>withdrawn</c>,
/// <c>revoked</c>, <c>declined</c>, <c>opt-out</c>, <c>opted-out</c>. Anything else, and a missing value, counts as no
/// consent: consent must be shown, never assumed. Unreadable values are counted so the result can name them.
/// </summary>
public static class ConsentColumn
{
    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "1", "yes", "y", "consent", "consented", "given", "granted", "agreed", "accepted", "opt-in", "opted-in",
    };

    private static readonly HashSet<string> No = new(StringComparer.OrdinalIgnoreCase)
    {
        "false", "0", "no", "n", "none", "refused", "denied", "withdrawn", "revoked", "declined", "opt-out", "opted-out",
    };

    public static ConsentReading Read(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var given = new bool[column.Length];
        long missing = 0;
        var unrecognised = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var row = 0; row < given.Length; row++)
        {
            if (!column.IsValid(row))
            {
                missing++;
                continue;
            }

            switch (column)
            {
                case BooleanColumn b:
                    given[row] = b.Values[row];
                    break;
                case Int64Column i when i.Values[row] is 0 or 1:
                    given[row] = i.Values[row] == 1;
                    break;
                case Float64Column f when f.Values[row] is 0 or 1:
                    given[row] = f.Values[row] == 1;
                    break;
                default:
                    var text = column.FormatValue(row)!.Trim();
                    given[row] = Yes.Contains(text);
                    if (!given[row] && !No.Contains(text))
                    {
                        unrecognised[text] = unrecognised.GetValueOrDefault(text) + 1;
                    }

                    break;
            }
        }

        return new ConsentReading(given, missing, unrecognised);
    }
}
