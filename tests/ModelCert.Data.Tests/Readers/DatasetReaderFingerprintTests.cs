using System.Security.Cryptography;
using System.Text;

using ModelCert.Core;
using ModelCert.Core.Frames;

using Xunit;

namespace ModelCert.Data.Tests;

public sealed class DatasetReaderFingerprintTests
{
    public sealed class Fingerprint
    {
        [Fact]
        public void Should_hash_the_file_bytes_and_the_canonical_schema()
        {
            // Given a data file and its schema
            using var directory = new TempDirectory();
            var path = directory.Write("data.csv", "x,y\n1,a\n2,b\n");
            var schema = new FrameSchema([new ColumnSchema("x", ColumnKind.Int64), new ColumnSchema("y", ColumnKind.String)]);

            // When it is fingerprinted
            var fingerprint = DatasetReader.Fingerprint(path, schema, rows: 2);

            // Then the hashes are SHA-256 of the bytes and of the canonical schema text, in lowercase hex
            var bytes = File.ReadAllBytes(path);
            Expect.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), fingerprint.Sha256, "file hash");
            Expect.Equal((long)bytes.Length, fingerprint.Bytes, "file size");
            Expect.Equal(2L, fingerprint.Rows, "rows");
            Expect.Equal(
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("x:int64\ny:string\n"))),
                fingerprint.SchemaSha256,
                "schema hash");
            Expect.Equal(path, fingerprint.Path, "path");
        }

        [Fact]
        public void Should_give_equal_schemas_the_same_hash_and_other_kinds_another()
        {
            // Given two equal schemas and one with a different kind
            using var directory = new TempDirectory();
            var path = directory.Write("data.csv", "x\n1\n");
            FrameSchema Schema(ColumnKind kind) => new([new ColumnSchema("x", kind)]);

            // When each is fingerprinted
            var first = DatasetReader.Fingerprint(path, Schema(ColumnKind.Int64), 1);
            var second = DatasetReader.Fingerprint(path, Schema(ColumnKind.Int64), 1);
            var other = DatasetReader.Fingerprint(path, Schema(ColumnKind.Float64), 1);

            // Then the schema hash is stable and sensitive to kinds
            Expect.Equal(first.SchemaSha256, second.SchemaSha256, "hash of equal schemas");
            Assert.NotEqual(first.SchemaSha256, other.SchemaSha256);
        }

        [Fact]
        public void Should_match_the_schema_the_reader_produced()
        {
            // Given a file read by the reader
            using var directory = new TempDirectory();
            var path = directory.Write("data.csv", "x,y\n1,a\n");
            var frame = DatasetReader.ReadAll(path);

            // When it is fingerprinted with the frame's schema
            var fingerprint = DatasetReader.Fingerprint(path, frame.Schema, frame.RowCount);

            // Then the schema hash covers the kinds the reader chose
            Expect.Equal(
                Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("x:int64\ny:string\n"))),
                fingerprint.SchemaSha256,
                "schema hash");
        }

        [Fact]
        public void Should_say_a_missing_file_does_not_exist()
        {
            // Given a path with no file
            using var directory = new TempDirectory();
            var path = directory.File("gone.csv");

            // When it is fingerprinted
            var error = Assert.Throws<InputException>(() => DatasetReader.Fingerprint(path, new FrameSchema([]), 0));

            // Then the message names it
            Expect.Equal($"data file '{path}' does not exist", error.Message, "message");
        }
    }
}
