using System.Globalization;

using Xunit;

namespace ModelCert.Data.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of real data files (truncation, flipped bytes, inserted NUL / invalid UTF-8 / quotes / BOMs, moved
/// lines): every reader entry point reads them or refuses them with an InputException naming the file, never another
/// exception. A failure names the seed and case, so the input can be rebuilt.
/// </summary>
public sealed class DatasetReaderFuzzTests
{
    private const int Seed = 20_261_122;

    public sealed class Mutations
    {
        [Fact]
        public void Should_read_or_refuse_every_mutated_csv() => Run(c => c.Csv, ".csv", Seed, cases: 32);

        [Fact]
        public void Should_read_or_refuse_every_mutated_tsv() => Run(c => c.Tsv, ".tsv", Seed + 1, cases: 12);

        [Fact]
        public void Should_read_or_refuse_every_mutated_parquet_file() => Run(c => c.Parquet, ".parquet", Seed + 2, cases: 28);

        [Fact]
        public void Should_read_or_refuse_every_mutated_json_lines_file() => Run(c => c.JsonLines, ".jsonl", Seed + 3, cases: 28);

        private static void Run(Func<FuzzCorpus, byte[]> pick, string extension, int seed, int cases)
        {
            // Given a real file and seeded mutations of it
            using var corpus = FuzzCorpus.Create();
            var source = pick(corpus);
            var mutator = new ByteMutator(seed);
            var harness = new ReadOrRefuse();
            for (var i = 0; i < cases; i++)
            {
                var (name, bytes) = (i % 4) switch
                {
                    0 => mutator.Truncate(source),
                    1 => mutator.Flip(source),
                    2 => mutator.Insert(source),
                    _ => extension == ".parquet" ? mutator.Flip(source) : mutator.Lines(source),
                };
                // When every entry point reads it
                harness.Check(corpus.WriteCase($"case-{i}{extension}", bytes), Invariant($"seed {seed} case {i} ({name})"), describe: i % 2 == 0);
            }

            // Then each read succeeded with a consistent frame or was refused with an InputException naming the file
            harness.AssertNoCrash();
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
