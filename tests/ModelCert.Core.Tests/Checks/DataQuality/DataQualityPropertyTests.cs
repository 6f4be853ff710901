using ModelCert.Core.Checks.DataQuality;
using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Checks.DataQuality;

/// <summary>Seeded random frames: definitions cross-checked against plain reference counts, and row-order invariance.</summary>
public sealed class DataQualityPropertyTests
{
    private const int Seeds = 40;

    private static Requirement RequirementFor(ICheck check) => TestRequirements.AtLeast(check.Id, 0.5);

    private static int Rows(ulong seed) => 1 + new SeededRandom(seed ^ 0xABCDEF).NextInt(300);

    public sealed class Duplicates
    {
        [Fact]
        public void Should_find_at_least_half_repeats_in_a_frame_concatenated_with_itself()
        {
            for (var seed = 1UL; seed <= Seeds; seed++)
            {
                // Given a random frame, and that frame twice over
                var data = RandomFrames.Data(seed, Rows(seed));
                var doubled = FrameBuilder.Concatenate(data.Test.Schema, [data.Test, data.Test]);
                var requirement = TestRequirements.AtMost("data-quality.duplicates", 0.05);

                // When duplicates are measured on both
                var once = Expect.Single(new DuplicatesCheck().Evaluate(data, requirement), "once");
                var twice = Expect.Single(new DuplicatesCheck().Evaluate(TestRequirements.Data(doubled), requirement), "twice");

                // Then every row of the second copy repeats, so the share is (repeats + n) / 2n >= 0.5
                var rows = data.Test.RowCount;
                var repeats = Expect.Detail<long>(once, "duplicate_rows", $"seed {seed}");
                Expect.Proportion(repeats + rows, 2L * rows, twice, $"seed {seed}: doubled frame");
                Assert.True(twice.Value >= 0.5, $"seed {seed}: share {twice.Value} below 0.5");
            }
        }

        [Fact]
        public void Should_count_what_a_plain_reference_counts()
        {
            for (var seed = 1UL; seed <= Seeds; seed++)
            {
                // Given a random frame
                var data = RandomFrames.Data(seed, Rows(seed));
                var rows = data.Test.RowCount;

                // When duplicates are measured
                var result = Expect.Single(new DuplicatesCheck().Evaluate(data, TestRequirements.AtMost("data-quality.duplicates", 0.05)), "duplicates");

                // Then the count equals rows minus distinct text keys
                var distinct = Enumerable.Range(0, rows).Select(r => RandomFrames.Key(data.Test, r)).Distinct(StringComparer.Ordinal).Count();
                Expect.Equal((long)(rows - distinct), Expect.Detail<long>(result, "duplicate_rows", $"seed {seed}"), $"seed {seed}: repeats");
            }
        }
    }

    public sealed class Leakage
    {
        [Fact]
        public void Should_count_what_a_plain_reference_counts_across_kinds_and_dictionaries()
        {
            for (var seed = 1UL; seed <= Seeds; seed++)
            {
                // Given a random test frame and a random train frame storing i as doubles, with its dictionary in another order
                var train = RandomFrames.Frame(new SeededRandom(seed + 1000), Rows(seed + 1000), integersAsDoubles: true, dictionaryFirst: ["c", "b", "a"]);
                var data = RandomFrames.Data(seed, Rows(seed), train);
                var requirement = TestRequirements.AtMost("data-quality.train-test-leakage", 0.01);

                // When leakage is measured
                var result = Expect.Single(new TrainTestLeakageCheck().Evaluate(data, requirement), "leakage");

                // Then the leaked count equals the test rows whose text key occurs in train
                var trainKeys = Enumerable.Range(0, train.RowCount).Select(r => RandomFrames.Key(train, r)).ToHashSet(StringComparer.Ordinal);
                var leaked = Enumerable.Range(0, data.Test.RowCount).Count(r => trainKeys.Contains(RandomFrames.Key(data.Test, r)));
                Expect.Equal((long)leaked, Expect.Detail<long>(result, "leaked_rows", $"seed {seed}"), $"seed {seed}: leaked rows");
            }
        }
    }

    public sealed class RowOrder
    {
        [Fact]
        public void Should_not_change_any_measurement()
        {
            for (var seed = 1UL; seed <= Seeds; seed++)
            {
                // Given random data with training data, and the same data with its test rows shuffled
                var train = RandomFrames.Frame(new SeededRandom(seed + 2000), Rows(seed + 2000), integersAsDoubles: false, dictionaryFirst: []);
                var data = RandomFrames.Data(seed, Rows(seed), train);
                var shuffled = RandomFrames.Reorder(data, RandomFrames.Permutation(seed, data.Test.RowCount));

                foreach (var check in DataQualityChecks.All)
                {
                    // When every data-quality check runs on both
                    var before = check.Evaluate(data, RequirementFor(check));
                    var after = check.Evaluate(shuffled, RequirementFor(check));

                    // Then value, interval, sample size and outcome agree
                    Expect.Equal(before.Count, after.Count, $"seed {seed} {check.Id}: result count");
                    for (var i = 0; i < before.Count; i++)
                    {
                        var because = $"seed {seed} {check.Id} #{i}";
                        Expect.Equal(before[i].Value, after[i].Value, because + ": value");
                        Expect.Sequence(before[i].Ci ?? [], after[i].Ci ?? [], because + ": interval");
                        Expect.Equal(before[i].SampleSize, after[i].SampleSize, because + ": sample size");
                        Expect.Equal(before[i].Outcome, after[i].Outcome, because + ": outcome");
                    }
                }
            }
        }
    }
}
