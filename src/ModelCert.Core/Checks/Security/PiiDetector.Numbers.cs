namespace ModelCert.Core.Checks.Security;

/// <summary>
/// Personal data held as a number: a column of bare digits is read as integers (or as whole floats), so the
/// separators the text rules need are gone. Card numbers keep their Luhn check; SSNs and US phone numbers are matched
/// by their digit count and the same number-plan rules, which is weaker evidence (a nine-digit identifier looks like
/// an SSN), so the docs tell users to narrow <c>columns</c> or <c>kinds</c> for such columns.
/// </summary>
public static partial class PiiDetector
{
    /// <summary>The largest magnitude a double holds exactly as a whole number (2^53); larger floats may be rounded.</summary>
    public const double LargestExactWhole = 9007199254740992d;

    /// <summary>
    /// The kinds among <paramref name="wanted"/> that an integer is: a card number (13 to 18 digits, Luhn), an SSN
    /// (nine digits, area 100-899 except 666, group not 00, serial not 0000; an SSN with a leading zero loses it and
    /// is not recognised) or a US phone number (ten digits, or eleven starting with 1; area code and exchange 2-9).
    /// </summary>
    public static PiiKinds DetectNumber(long value, PiiKinds wanted)
    {
        if (value < 100_000_000)
        {
            return PiiKinds.None;
        }

        var found = PiiKinds.None;
        if ((wanted & PiiKinds.Ssn) != 0 && IsSsnNumber(value))
        {
            found |= PiiKinds.Ssn;
        }

        if ((wanted & PiiKinds.Phone) != 0 && IsPhoneNumber(value))
        {
            found |= PiiKinds.Phone;
        }

        if ((wanted & PiiKinds.Card) != 0 && value >= 1_000_000_000_000 && IsCardNumber(value))
        {
            found |= PiiKinds.Card;
        }

        return found;
    }

    /// <summary>
    /// A float is classified as the integer it equals when it is a whole number no larger than 2^53 (so exactly the
    /// digits written); fractional, larger or non-finite values are not identifiers.
    /// </summary>
    public static PiiKinds DetectNumber(double value, PiiKinds wanted) =>
        double.IsFinite(value) && value == Math.Floor(value) && Math.Abs(value) <= LargestExactWhole
            ? DetectNumber((long)value, wanted)
            : PiiKinds.None;

    private static bool IsSsnNumber(long value) =>
        value is >= 100_000_000 and < 900_000_000
        && value / 1_000_000 != 666
        && value / 10_000 % 100 != 0
        && value % 10_000 != 0;

    private static bool IsPhoneNumber(long value)
    {
        var national = value is >= 12_000_000_000 and < 20_000_000_000 ? value - 10_000_000_000 : value;
        return national is >= 2_000_000_000 and < 10_000_000_000 && national / 1_000_000 % 10 >= 2;
    }
}
