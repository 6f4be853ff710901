using System.Text.RegularExpressions;

namespace ModelCert.Core.Checks.Security;

/// <summary>The kinds of personal data the PII scan looks for.</summary>
[Flags]
public enum PiiKinds
{
    None = 0,
    Email = 1,
    Phone = 2,
    Ssn = 4,
    Card = 8,
    Iban = 16,
    All = Email | Phone | Ssn | Card | Iban,
}

/// <summary>
/// Finds personal data in a text value. Each kind is a pattern plus a rule that removes look-alikes: SSNs must have a
/// possible area, group and serial; card numbers 13 to 19 digits, a payment-card first digit (2-6) and a valid Luhn
/// check digit; IBANs their country's length and a valid ISO 7064 mod-97 check. Values are only classified, never kept.
/// </summary>
public static partial class PiiDetector
{
    public static IReadOnlyList<string> KindNames { get; } = ["email", "phone", "ssn", "card", "iban"];

    public static PiiKinds Parse(string name) => name.ToLowerInvariant() switch
    {
        "email" => PiiKinds.Email,
        "phone" => PiiKinds.Phone,
        "ssn" => PiiKinds.Ssn,
        "card" => PiiKinds.Card,
        "iban" => PiiKinds.Iban,
        _ => PiiKinds.None,
    };

    public static string Name(PiiKinds kind) => KindNames[System.Numerics.BitOperations.Log2((uint)kind)];

    /// <summary>The kinds among <paramref name="wanted"/> that <paramref name="text"/> holds at least once.</summary>
    /// <exception cref="RegexMatchTimeoutException">A pattern took longer than a second on this value.</exception>
    public static PiiKinds Detect(string text, PiiKinds wanted)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = PiiKinds.None;
        if ((wanted & PiiKinds.Email) != 0 && text.Contains('@', StringComparison.Ordinal) && Email().IsMatch(text))
        {
            found |= PiiKinds.Email;
        }

        if (!text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return found;
        }

        if ((wanted & PiiKinds.Phone) != 0 && (E164().IsMatch(text) || UsPhone().IsMatch(text)))
        {
            found |= PiiKinds.Phone;
        }

        if ((wanted & PiiKinds.Ssn) != 0 && Any(Ssn(), text, m => IsSsn(m.Groups[1].Value, m.Groups[3].Value, m.Groups[4].Value)))
        {
            found |= PiiKinds.Ssn;
        }

        if ((wanted & PiiKinds.Card) != 0 && Any(Card(), text, m => IsCardNumber(Digits(m.Value))))
        {
            found |= PiiKinds.Card;
        }

        if ((wanted & PiiKinds.Iban) != 0 && Any(Iban(), text, m => IsIban(m.Value.Replace(" ", string.Empty, StringComparison.Ordinal))))
        {
            found |= PiiKinds.Iban;
        }

        return found;
    }

    /// <summary>A card number held as an integer (13 to 18 digits fit a long).</summary>
    public static bool IsCardNumber(long value) => value > 0 && IsCardNumber(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>13 to 19 digits, a payment-card major industry identifier (2-6), and a valid Luhn check digit.</summary>
    public static bool IsCardNumber(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length is < 13 or > 19 || digits[0] is < '2' or > '6')
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>Area 001-899 except 666, group 01-99, serial 0001-9999 (the SSA never issues the others).</summary>
    public static bool IsSsn(string area, string group, string serial)
    {
        ArgumentNullException.ThrowIfNull(area);
        return area != "000" && area != "666" && area[0] != '9' && group != "00" && serial != "0000";
    }

    /// <summary>A compact IBAN: a known country, its length, and the mod-97 check (the rearranged number mod 97 is 1).</summary>
    public static bool IsIban(string compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        if (compact.Length < 4 || !IbanLengths.TryGetValue(compact[..2], out var length) || compact.Length < length)
        {
            return false;
        }

        var iban = compact[..length];
        var remainder = 0;
        foreach (var c in iban[4..] + iban[..4])
        {
            int value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder == 1;
    }

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    private static bool Any(Regex regex, string text, Func<Match, bool> valid)
    {
        for (var match = regex.Match(text); match.Success; match = match.NextMatch())
        {
            if (valid(match))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z0-9-])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w+])\+[1-9](?:[ .-]?\d){6,14}(?![ .-]?\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex E164();

    [GeneratedRegex(@"(?<![\w+(])(?:1[ .-]?)?(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])[2-9]\d{2}[ .-]\d{4}(?![ .-]?\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex UsPhone();

    [GeneratedRegex(@"(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Ssn();

    [GeneratedRegex(@"(?<!\d[ -]?)\d(?:[ -]?\d){12,18}(?![ -]?\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Iban();
}
