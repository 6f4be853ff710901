using System.Globalization;
using System.Numerics;
using ModelCert.Core.Frames;

namespace ModelCert.Core.Tests.Checks.Security;

/// <summary>Synthetic personal data made from a seed: valid values by their own rules, and look-alikes that break them.</summary>
internal static class Fixtures
{
    /// <summary>The IBAN check digits for a country and BBAN: 98 - (BBAN + country + "00" as digits) mod 97.</summary>
    public static int IbanCheck(string country, string bban)
    {
        var digits = string.Concat((bban + country + "00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return 98 - (int)(BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
    }

    public static string Iban(Random random)
    {
        var bban = Digits(random, 18);
        return $"DE{IbanCheck("DE", bban):00}{bban}";
    }

    /// <summary>A 16-digit number starting with 4 whose last digit makes the Luhn sum 0 (valid) or not (invalid).</summary>
    public static string Card(Random random, bool valid)
    {
        var body = "4" + Digits(random, 14);
        var check = Enumerable.Range(0, 10).First(d => Luhn(body + d) == valid);
        var number = body + check;
        return $"{number[..4]} {number[4..8]} {number[8..12]} {number[12..]}";
    }

    public static string Ssn(Random random) => $"{random.Next(1, 666):000}-{random.Next(1, 100):00}-{random.Next(1, 10000):0000}";

    public static string Phone(Random random) => $"({random.Next(2, 10)}{random.Next(0, 100):00}) {random.Next(2, 10)}{random.Next(0, 100):00}-{random.Next(0, 10000):0000}";

    public static string Email(Random random) => $"person{random.Next(100000)}.{Digits(random, 3)}@mail{random.Next(100)}.example";

    public static string Digits(Random random, int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    public static StringColumn Texts(string name, IReadOnlyList<string?> values)
    {
        var dictionary = new StringDictionary();
        var codes = values.Select(v => v is null ? 0 : dictionary.GetOrAdd(v)).ToArray();
        var bits = Validity.CreateAllValidBits(values.Count);
        for (var row = 0; row < values.Count; row++)
        {
            if (values[row] is null)
            {
                Validity.SetInvalid(bits, row);
            }
        }

        return new StringColumn(name, codes, dictionary, new Validity(bits));
    }

    private static bool Luhn(string digits) => Core.Checks.Security.PiiDetector.IsCardNumber(digits);
}
