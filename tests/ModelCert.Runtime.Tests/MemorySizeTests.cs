using Xunit;

namespace ModelCert.Runtime.Tests;

public sealed class MemorySizeTests
{
    [Theory]
    [InlineData("2GiB", 2L << 30)]
    [InlineData("2 GB", 2L << 30)]
    [InlineData("512MiB", 512L << 20)]
    [InlineData("1.5g", 3L << 29)]
    [InlineData("64k", 64L << 10)]
    [InlineData("1000", 1000L)]
    [InlineData(" 3 tib ", 3L << 40)]
    public void Should_read_sizes_as_people_write_them(string text, long expected)
    {
        // Given a size with or without a unit
        // When it is read
        var bytes = MemorySize.TryParse(text, out var problem);

        // Then it is that many bytes, with no problem
        Assert.Equal(expected, bytes);
        Assert.Equal(string.Empty, problem);
    }

    [Theory]
    [InlineData("lots", "is not a memory size")]
    [InlineData("-1GiB", "is not a memory size")]
    [InlineData("2 PB", "is not a memory size")]
    [InlineData("", "is not a memory size")]
    [InlineData("0", "is out of range")]
    [InlineData("0.1", "is out of range")]
    [InlineData("9999999999999999999GiB", "is out of range")]
    public void Should_say_what_is_wrong_with_a_size_it_cannot_read(string text, string expected)
    {
        // Given text that is no positive, representable size
        // When it is read
        var bytes = MemorySize.TryParse(text, out var problem);

        // Then there is no size, and the problem quotes the text
        Assert.Null(bytes);
        Assert.Contains($"'{text}' {expected}", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(256L << 20, "256 MiB")]
    [InlineData(3L << 29, "1.5 GiB")]
    [InlineData(1000L, "1,000 bytes")]
    [InlineData(1L << 40, "1 TiB")]
    public void Should_write_sizes_in_the_largest_binary_unit(long bytes, string expected)
    {
        // Given a byte count
        // When it is written
        // Then it uses the largest unit it reaches
        Assert.Equal(expected, MemorySize.Format(bytes));
    }
}
