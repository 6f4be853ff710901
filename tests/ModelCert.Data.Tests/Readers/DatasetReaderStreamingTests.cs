using System.Globalization;
using System.Text;

using ModelCert.Core.Frames;

using Xunit;

namespace ModelCert.Data.Tests;

public sealed class DatasetReaderStreamingTests
{
    public sealed class Open
    {
        [Fact]
        public void Should_share_one_dictionary_across_chunks_with_stable_codes()
        {
            // Given ten rows cycling through three categories, read three rows per chunk
            using var directory = new TempDirectory();
            var categories = new[] { "red", "green", "blue" };
            var path = directory.Write("colors.csv", "color\n" + string.Concat(Enumerable.Range(0, 10).Select(i => categories[i % 3] + "\n")));
            using var source = DatasetReader.Open(path, new DatasetReadOptions { ChunkRows = 3 });

            // When every chunk is read
            var chunks = new List<Frame>();
            while (source.ReadChunk() is { } chunk)
            {
                chunks.Add(chunk);
            }

            // Then there are four chunks over one dictionary in which each code keeps its meaning
            Expect.Sequence([3, 3, 3, 1], chunks.Select(c => c.RowCount), "chunk sizes");
            var columns = chunks.Select(c => (StringColumn)c["color"]).ToList();
            Assert.All(columns, c => Assert.Same(columns[0].Dictionary, c.Dictionary));
            Expect.Sequence(categories, columns[0].Dictionary.Values, "dictionary in first-seen order");
            for (var chunk = 0; chunk < columns.Count; chunk++)
            {
                for (var row = 0; row < columns[chunk].Length; row++)
                {
                    var index = (chunk * 3) + row;
                    Expect.Equal(index % 3, columns[chunk].Codes[row], $"code of row {index}");
                }
            }

            Assert.Null(source.ReadChunk());
        }

        [Fact]
        public void Should_keep_file_row_order_over_many_chunks()
        {
            // Given 100 000 rows with a running id and a long text copy of it, read by two DuckDB threads
            using var directory = new TempDirectory();
            var text = new StringBuilder("id,label,value\n");
            for (var i = 0; i < 100_000; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i},row number {i:D6},{i * 0.25}\n");
            }

            var path = directory.Write("ordered.csv", text.ToString());
            using var source = DatasetReader.Open(path, new DatasetReadOptions { ChunkRows = 777, Threads = 2 });

            // When all chunks are read
            var expected = 0L;
            var chunks = 0;
            while (source.ReadChunk() is { } chunk)
            {
                chunks++;
                var ids = (Int64Column)chunk["id"];
                var labels = (StringColumn)chunk["label"];
                var values = (Float64Column)chunk["value"];
                for (var row = 0; row < chunk.RowCount; row++, expected++)
                {
                    // Then rows arrive exactly in file order
                    if (ids.Values[row] != expected
                        || labels.GetValue(row) != $"row number {expected:D6}"
                        || values.Values[row] != expected * 0.25)
                    {
                        Assert.Fail($"row {expected} arrived as id {ids.Values[row]}, label {labels.GetValue(row)}, value {values.Values[row]}");
                    }
                }
            }

            Expect.Equal(100_000L, expected, "rows read");
            Expect.Equal((100_000 + 776) / 777, chunks, "chunks of 777 rows");
        }

        [Fact]
        public void Should_leave_validity_null_for_a_chunk_without_missing_values()
        {
            // Given a column whose only missing value is in the second chunk
            using var directory = new TempDirectory();
            var path = directory.Write("nulls.csv", "x\n1\n2\n\n4\n");
            using var source = DatasetReader.Open(path, new DatasetReadOptions { ChunkRows = 2 });

            // When both chunks are read
            var first = source.ReadChunk();
            var second = source.ReadChunk();

            // Then only the chunk with the missing value carries a bitmap
            Assert.NotNull(first);
            Assert.NotNull(second);
            Assert.True(first["x"].Validity.AllValid, "the first chunk has no missing values, so no bitmap");
            Expect.Sequence<long?>([null, 4], FrameValues.Int64s(second, "x"), "second chunk values");
        }

        [Fact]
        public void Should_release_everything_when_disposed_half_way()
        {
            // Given a source of which only the first chunk is read
            using var directory = new TempDirectory();
            var path = directory.Write("many.csv", "x\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i}\n")));
            var source = DatasetReader.Open(path, new DatasetReadOptions { ChunkRows = 100 });
            Assert.NotNull(source.ReadChunk());

            // When it is disposed twice and then read
            source.Dispose();
            source.Dispose();

            // Then reading is refused rather than touching freed native memory
            Assert.Throws<ObjectDisposedException>(() => source.ReadChunk());
        }
    }
}
