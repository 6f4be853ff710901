using Xunit;

namespace ModelCert.Data.Tests;

public sealed class DuckDbDatabaseTests
{
    public sealed class OpenInMemory
    {
        [Fact]
        public void Should_switch_off_extension_autoinstall_and_autoload()
        {
            // Given an in-memory database
            using var database = DuckDbDatabase.OpenInMemory();
            using var connection = database.Connect();

            // When the extension settings are queried
            using var result = connection.Query(
                "SELECT current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions')");
            using var chunk = result.FetchChunk();

            // Then both are off, so no query can download code
            Assert.NotNull(chunk);
            Expect.Sequence([0, 0], [chunk.GetBooleanValues(0)[0], chunk.GetBooleanValues(1)[0]], "autoinstall and autoload flags");
        }

        [Fact]
        public void Should_apply_the_requested_thread_count()
        {
            // Given a database opened with one thread
            using var database = DuckDbDatabase.OpenInMemory(threads: 1);
            using var connection = database.Connect();

            // When the thread setting is queried
            using var result = connection.Query("SELECT current_setting('threads')::BIGINT");
            using var chunk = result.FetchChunk();

            // Then DuckDB uses one thread
            Assert.NotNull(chunk);
            Expect.Equal(1L, chunk.GetInt64Values(0)[0], "DuckDB threads");
        }

        [Fact]
        public void Should_reject_a_thread_count_below_one()
        {
            // Given / When / Then zero threads is refused before DuckDB is asked
            Assert.Throws<ArgumentOutOfRangeException>(() => DuckDbDatabase.OpenInMemory(threads: 0));
        }
    }

    public sealed class LibraryVersion
    {
        [Fact]
        public void Should_report_the_pinned_duckdb_version()
        {
            // Given / When the loaded library is asked for its version
            var version = DuckDbDatabase.LibraryVersion;

            // Then it is the version NativeEngine pins
            Expect.Equal("v1.5.6", version, "DuckDB library version");
        }
    }
}
