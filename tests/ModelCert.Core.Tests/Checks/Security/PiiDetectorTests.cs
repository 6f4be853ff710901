using ModelCert.Core.Checks.Security;
using Xunit;

namespace ModelCert.Core.Tests.Checks.Security;

public sealed class PiiDetectorTests
{
    public sealed class Detect
    {
        [Theory]
        [InlineData("jane.doe@example.com", PiiKinds.Email)]
        [InlineData("write to j_smith+tag@mail.example.co.uk today", PiiKinds.Email)]
        [InlineData("+44 20 7946 0958", PiiKinds.Phone)]
        [InlineData("+12125550143", PiiKinds.Phone)]
        [InlineData("(212) 555-0143", PiiKinds.Phone)]
        [InlineData("call 212.555.0143", PiiKinds.Phone)]
        [InlineData("078-05-1120", PiiKinds.Ssn)]
        [InlineData("ssn 219 09 9999", PiiKinds.Ssn)]
        [InlineData("4111 1111 1111 1111", PiiKinds.Card)]
        [InlineData("5555-5555-5555-4444", PiiKinds.Card)]
        [InlineData("378282246310005", PiiKinds.Card)]
        [InlineData("DE89 3704 0044 0532 0130 00", PiiKinds.Iban)]
        [InlineData("GB82WEST12345698765432", PiiKinds.Iban)]
        public void Should_find_each_kind(string text, PiiKinds expected)
        {
            // Given a value holding one kind of personal data
            // When it is classified
            var found = PiiDetector.Detect(text, PiiKinds.All);

            // Then exactly that kind is found
            Assert.Equal(expected, found);
        }

        [Theory]
        [InlineData("user@localhost")]
        [InlineData("not an @ address")]
        [InlineData("123-456-7890")]
        [InlineData("2024-06-01")]
        [InlineData("000-12-3456")]
        [InlineData("666-12-3456")]
        [InlineData("912-12-3456")]
        [InlineData("123-00-4567")]
        [InlineData("123-45-0000")]
        [InlineData("123-45 6789")]
        [InlineData("4111 1111 1111 1112")]
        [InlineData("1111111111111117")]
        [InlineData("41111111111111111111")]
        [InlineData("DE88 3704 0044 0532 0130 00")]
        [InlineData("DE89 3704 0044 0532 0130")]
        [InlineData("ZZ89370400440532013000")]
        [InlineData("42")]
        [InlineData("")]
        public void Should_leave_look_alikes_alone(string text)
        {
            // Given a value that looks like personal data but breaks its rule (check digit, area, length, format)
            // When it is classified, Then nothing is found
            Assert.Equal(PiiKinds.None, PiiDetector.Detect(text, PiiKinds.All));
        }

        [Fact]
        public void Should_look_only_for_the_kinds_asked()
        {
            // Given an email beside a card number
            const string Text = "a@b.example 4111111111111111";

            // When only cards are wanted, Then the email is not reported
            Assert.Equal(PiiKinds.Card, PiiDetector.Detect(Text, PiiKinds.Card));
            Assert.Equal(PiiKinds.Email | PiiKinds.Card, PiiDetector.Detect(Text, PiiKinds.All));
        }
    }

    public sealed class IsCardNumber
    {
        [Fact]
        public void Should_agree_with_a_direct_luhn_over_seeded_numbers()
        {
            // Given 5,000 random 16-digit numbers starting with 4 (seeded)
            var random = new Random(7);
            for (var i = 0; i < 5000; i++)
            {
                var digits = "4" + string.Concat(Enumerable.Range(0, 15).Select(_ => (char)('0' + random.Next(10))));

                // When judged, Then it agrees with the textbook doubling sum
                var sum = digits.Reverse().Select((c, k) => k % 2 == 1 ? ((c - '0') * 2 % 10) + ((c - '0') * 2 / 10) : c - '0').Sum();
                Assert.Equal(sum % 10 == 0, PiiDetector.IsCardNumber(digits));
                Assert.Equal(sum % 10 == 0, PiiDetector.IsCardNumber(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }

    public sealed class IsIban
    {
        [Fact]
        public void Should_accept_exactly_the_right_check_digits()
        {
            // Given a seeded German BBAN and all 100 check digits
            var random = new Random(11);
            var bban = string.Concat(Enumerable.Range(0, 18).Select(_ => (char)('0' + random.Next(10))));
            var valid = Enumerable.Range(0, 100).Where(check => PiiDetector.IsIban($"DE{check:00}{bban}")).ToList();

            // Then exactly one pair of check digits is valid, and it is 98 minus the number mod 97
            Assert.Equal([Fixtures.IbanCheck("DE", bban)], valid);
        }
    }

    public sealed class DetectNumber
    {
        [Theory]
        [InlineData(219099999L, PiiKinds.Ssn)]
        [InlineData(78051120L, PiiKinds.None)]
        [InlineData(666123456L, PiiKinds.None)]
        [InlineData(219009999L, PiiKinds.None)]
        [InlineData(219090000L, PiiKinds.None)]
        [InlineData(900123456L, PiiKinds.None)]
        [InlineData(2125550143L, PiiKinds.Phone)]
        [InlineData(12125550143L, PiiKinds.Phone)]
        [InlineData(2121550143L, PiiKinds.None)]
        [InlineData(1125550143L, PiiKinds.None)]
        [InlineData(4111111111111111L, PiiKinds.Card)]
        [InlineData(4111111111111112L, PiiKinds.None)]
        [InlineData(-219099999L, PiiKinds.None)]
        public void Should_classify_digits_held_as_an_integer(long value, PiiKinds expected)
        {
            // Given an integer that is, or looks like, an SSN, a phone number or a card number
            // When it is classified as an integer and as the same whole float
            var asInteger = PiiDetector.DetectNumber(value, PiiKinds.All);
            var asFloat = PiiDetector.DetectNumber((double)value, PiiKinds.All);

            // Then both find exactly the expected kind
            Assert.Equal(expected, asInteger);
            Assert.Equal(expected, asFloat);
        }

        [Fact]
        public void Should_not_classify_fractions_or_floats_beyond_exact_integers()
        {
            // Given a fractional SSN-like float, one beyond 2^53, and non-finite values
            double[] values = [219099999.5, 4111111111111111111d, double.NaN, double.PositiveInfinity];

            // When classified, Then none is personal data
            Assert.All(values, v => Assert.Equal(PiiKinds.None, PiiDetector.DetectNumber(v, PiiKinds.All)));
        }

        [Fact]
        public void Should_look_only_for_the_kinds_wanted()
        {
            // Given an SSN-like integer
            // When only cards are wanted, Then it is not flagged
            Assert.Equal(PiiKinds.None, PiiDetector.DetectNumber(219099999L, PiiKinds.Card));
        }
    }
}
