using ModelCert.Runtime.Onnx;
using Xunit;

namespace ModelCert.Runtime.Tests.Inspection;

public sealed class ProtobufReaderTests
{
    private static ProtobufFormatException Refuses(byte[] bytes, Action<byte[]> read) =>
        Assert.Throws<ProtobufFormatException>(() => read(bytes));

    public sealed class ReadVarint
    {
        [Fact]
        public void Should_read_the_largest_ten_byte_varint()
        {
            // Given 2^64 - 1 as ten bytes
            byte[] bytes = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01];

            // When it is read
            var reader = new ProtobufReader(bytes);

            // Then it is all ones, and the reader is at the end
            Assert.Equal(ulong.MaxValue, reader.ReadVarint());
            Assert.True(reader.AtEnd, "ten bytes consumed");
        }

        [Fact]
        public void Should_refuse_a_varint_that_overflows_64_bits()
        {
            // Given a tenth byte carrying more than one bit
            byte[] bytes = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02];

            // When it is read, Then it is refused as an overflow
            var error = Refuses(bytes, b => new ProtobufReader(b).ReadVarint());
            Assert.Contains("overflows 64 bits", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_refuse_a_varint_cut_off_by_the_end()
        {
            // Given a continuation bit on the last byte
            byte[] bytes = [0x96];

            // When it is read, Then the message says the file is truncated, at byte 0
            var error = Refuses(bytes, b => new ProtobufReader(b).ReadVarint());
            Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, error.Offset);
        }
    }

    public sealed class ReadBytes
    {
        [Fact]
        public void Should_refuse_a_length_beyond_the_message()
        {
            // Given field 1 declaring 2^40 bytes in a 7-byte message
            byte[] bytes = [0x0A, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20];

            // When it is read, Then the declared and remaining lengths are named
            var error = Refuses(bytes, b =>
            {
                var reader = new ProtobufReader(b);
                reader.TryReadTag(out _, out _);
                reader.ReadBytes();
            });
            Assert.Contains("declares 1099511627776 bytes but only 0 remain", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_bound_a_nested_message_by_its_parent()
        {
            // Given a message of 2 bytes holding a string that claims 3
            byte[] bytes = [0x0A, 0x02, 0x12, 0x03, 0x41, 0x42, 0x43];

            // When the inner string is read, Then it may not reach past the inner message
            var error = Refuses(bytes, b =>
            {
                var reader = new ProtobufReader(b);
                reader.TryReadTag(out _, out _);
                var inner = reader.ReadMessage();
                inner.TryReadTag(out _, out _);
                inner.ReadBytes();
            });
            Assert.Contains("only 0 remain", error.Message, StringComparison.Ordinal);
        }
    }

    public sealed class TryReadTag
    {
        [Theory]
        [InlineData(new byte[] { 0x00 }, "field number 0")]
        [InlineData(new byte[] { 0x0B }, "wire type 3")]
        [InlineData(new byte[] { 0x0C }, "wire type 4")]
        [InlineData(new byte[] { 0x0E }, "wire type 6")]
        public void Should_refuse_bad_tags(byte[] bytes, string expected)
        {
            // Given a tag with field 0, a group wire type, or an undefined one
            // When it is read, Then it is refused by name
            var error = Refuses(bytes, b => new ProtobufReader(b).TryReadTag(out _, out _));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_skip_every_wire_type()
        {
            // Given one field of each wire type, then a varint field 9 = 7
            var writer = new ProtobufWriter();
            writer.Varint(1, -1);
            writer.Double(2, 1.5);
            writer.String(3, "text");
            writer.Float(4, 2.5f);
            writer.Varint(9, 7);
            var bytes = writer.ToArray();

            // When the first four are skipped
            var reader = new ProtobufReader(bytes);
            for (var i = 0; i < 4; i++)
            {
                Assert.True(reader.TryReadTag(out _, out var wire), "a field is there");
                reader.Skip(wire);
            }

            // Then field 9 reads 7 and the message ends
            Assert.True(reader.TryReadTag(out var field, out _), "field 9 is there");
            Assert.Equal(9, field);
            Assert.Equal(7, reader.ReadInt64());
            Assert.False(reader.TryReadTag(out _, out _), "the end");
        }
    }
}
