using Xunit;

namespace ModelCert.Data.Tests;

public sealed class DuckDbConnectionTests
{
    public sealed class Execute
    {
        [Fact]
        public void Should_throw_duckdb_exception_with_duckdb_message_for_bad_sql()
        {
            // Given a connection
            using var database = DuckDbDatabase.OpenInMemory();
            using var connection = database.Connect();

            // When a statement with a syntax error runs
            var error = Assert.Throws<DuckDbException>(() => connection.Execute("SELEC 1"));

            // Then DuckDB's own parser message comes through
            Expect.Contains("syntax error at or near \"SELEC\"", error.Message, "DuckDB error message");
        }

        [Fact]
        public void Should_run_statements_whose_effects_later_queries_see()
        {
            // Given a table created and filled through Execute
            using var database = DuckDbDatabase.OpenInMemory();
            using var connection = database.Connect();
            connection.Execute("CREATE TABLE t (x BIGINT); INSERT INTO t VALUES (4), (5);");

            // When it is summed
            using var result = connection.Query("SELECT sum(x)::BIGINT FROM t");
            using var chunk = result.FetchChunk();

            // Then both rows are there
            Assert.NotNull(chunk);
            Expect.Equal(9L, chunk.GetInt64Values(0)[0], "sum of inserted rows");
        }
    }

    public sealed class Query
    {
        [Fact]
        public void Should_stream_every_row_in_order_across_chunks()
        {
            // Given a query producing more rows than one DuckDB vector holds
            using var database = DuckDbDatabase.OpenInMemory();
            using var connection = database.Connect();
            using var result = connection.Query(
                "SELECT i::BIGINT AS i, (i * 0.5)::DOUBLE AS half, i % 2 = 0 AS even, CASE WHEN i % 3 = 0 THEN NULL ELSE 'v' || i END AS s "
                + "FROM range(5000) t(i) ORDER BY i");

            // When all chunks are fetched
            var chunks = 0;
            var next = 0L;
            while (result.FetchChunk() is { } chunk)
            {
                using (chunk)
                {
                    chunks++;
                    var ids = chunk.GetInt64Values(0);
                    var halves = chunk.GetDoubleValues(1);
                    var evens = chunk.GetBooleanValues(2);
                    for (var row = 0; row < chunk.RowCount; row++, next++)
                    {
                        // Then every value matches its row
                        Expect.Equal(next, ids[row], "row id in order");
                        Expect.Equal(next * 0.5, halves[row], "DOUBLE value");
                        Expect.Equal(next % 2 == 0 ? 1 : 0, (int)evens[row], "BOOLEAN value");
                        Expect.Equal(next % 3 == 0 ? null : "v" + next, chunk.GetString(3, row), "VARCHAR value or NULL");
                    }
                }
            }

            Expect.Equal(5000L, next, "rows streamed");
            Assert.True(chunks >= 3, $"5000 rows should arrive in several chunks, got {chunks}");
            Expect.Sequence(
                [DuckDbType.BigInt, DuckDbType.Double, DuckDbType.Boolean, DuckDbType.Varchar],
                Enumerable.Range(0, result.ColumnCount).Select(result.GetColumnType),
                "result column types");
        }

        [Fact]
        public void Should_throw_duckdb_exception_when_the_query_fails_while_streaming()
        {
            // Given a query whose cast fails on a late row
            using var database = DuckDbDatabase.OpenInMemory();
            using var connection = database.Connect();

            // When it is read to the end
            var error = Assert.Throws<DuckDbException>(() =>
            {
                using var result = connection.Query(
                    "SELECT CAST(CASE WHEN i = 4000 THEN 'oops' ELSE '1' END AS INTEGER) FROM range(5000) t(i)");
                while (result.FetchChunk() is { } chunk)
                {
                    chunk.Dispose();
                }
            });

            // Then DuckDB's conversion message names the value
            Expect.Contains("oops", error.Message, "DuckDB conversion error");
        }

        [Fact]
        public void Should_keep_a_result_readable_after_its_connection_and_database_are_disposed()
        {
            // Given a result whose connection and database are disposed first
            var database = DuckDbDatabase.OpenInMemory();
            var connection = database.Connect();
            using var result = connection.Query("SELECT 42::BIGINT");
            connection.Dispose();
            database.Dispose();

            // When the result is read
            using var chunk = result.FetchChunk();

            // Then the native objects were kept alive until the result goes
            Assert.NotNull(chunk);
            Expect.Equal(42L, chunk.GetInt64Values(0)[0], "value read after parent disposal");
        }
    }

    public sealed class Prepare
    {
        [Fact]
        public void Should_bind_a_string_parameter_and_describe_result_columns()
        {
            // Given a prepared statement with one text parameter
            using var database = DuckDbDatabase.OpenInMemory();
            using var connection = database.Connect();
            using var statement = connection.Prepare("SELECT CAST(? AS VARCHAR) || '!' AS greeting, 7::INTEGER AS n");

            // When a value with a quote is bound and the statement runs
            statement.Bind(1, "it's");
            using var result = statement.ExecuteStreaming();
            using var chunk = result.FetchChunk();

            // Then the value arrives intact and the columns are described before running
            Assert.NotNull(chunk);
            Expect.Equal("it's!", chunk.GetString(0, 0), "bound parameter value");
            Expect.Equal(1, statement.ParameterCount, "parameter count");
            Expect.Sequence(["greeting", "n"], [statement.GetColumnName(0), statement.GetColumnName(1)], "column names");
            Expect.Equal(DuckDbType.Integer, statement.GetColumnType(1), "INTEGER column type");
        }

        [Fact]
        public void Should_throw_duckdb_exception_naming_a_missing_table()
        {
            // Given a connection
            using var database = DuckDbDatabase.OpenInMemory();
            using var connection = database.Connect();

            // When a query over a missing table is prepared
            var error = Assert.Throws<DuckDbException>(() => connection.Prepare("SELECT * FROM no_such_table"));

            // Then DuckDB's catalog message names it
            Expect.Contains("no_such_table", error.Message, "DuckDB catalog error");
        }
    }
}
