using Xunit;

namespace ModelCert.Tests;

/// <summary>Equality assertions that say what was being checked when they fail; test projects add their own facets.</summary>
internal static partial class Expect
{
    public static void Equal<T>(T expected, T actual, string because)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            Assert.Fail($"{because}: expected <{expected}>, got <{actual}>");
        }
    }

    public static void Sequence<T>(IEnumerable<T> expected, IEnumerable<T> actual, string because)
    {
        var wanted = expected.ToList();
        var got = actual.ToList();
        if (!wanted.SequenceEqual(got))
        {
            Assert.Fail($"{because}: expected [{string.Join(", ", wanted)}], got [{string.Join(", ", got)}]");
        }
    }

    public static void Contains(string expected, string actual, string because)
    {
        if (!actual.Contains(expected, StringComparison.Ordinal))
        {
            Assert.Fail($"{because}: expected the text to contain <{expected}>, got <{actual}>");
        }
    }
}
