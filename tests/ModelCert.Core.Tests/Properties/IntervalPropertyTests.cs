using FsCheck.Fluent;
using ModelCert.Core.Fairness;
using ModelCert.Core.Statistics;
using Xunit;

namespace ModelCert.Core.Tests.Properties;

/// <summary>Every interval contains its own point estimate, and a higher confidence never gives a narrower interval.</summary>
public sealed class IntervalPropertyTests
{
    private static readonly double[] Confidences = [0.5, 0.8, 0.9, 0.95, 0.99];

    public sealed class PerformanceSection
    {
        [Fact]
        public void Should_contain_each_point_estimate_in_its_interval()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation
                // When the performance section is computed with bootstrap intervals
                var section = sample.ToData().Metrics.PerformanceSection();

                // Then each interval it reports contains the value it reports
                var values = Sections.Values(section);
                foreach (var (name, interval) in section.Ci)
                {
                    Assert.True(values.ContainsKey(name), $"interval for an unknown metric '{name}'");
                    Approx.Contains(interval, values[name], $"overall {name}");
                }
            });
        }
    }

    public sealed class FairnessSections
    {
        [Fact]
        public void Should_contain_each_point_estimate_in_its_interval()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation
                // When the fairness sections are computed with bootstrap intervals
                var sections = sample.ToData().Metrics.FairnessSections();

                // Then each group interval contains the group's rate, and each attribute interval its aggregate
                foreach (var (name, section) in sections)
                {
                    var aggregates = Sections.Aggregates(section);
                    foreach (var (metric, interval) in section.Ci)
                    {
                        Assert.True(aggregates.ContainsKey(metric), $"{name}: interval for an unknown aggregate '{metric}'");
                        Approx.Contains(interval, aggregates[metric], $"{name} {metric}");
                    }

                    foreach (var (group, rates) in section.Groups)
                    {
                        foreach (var (rate, interval) in rates.Ci)
                        {
                            Approx.Contains(interval, Sections.Rates(rates)[rate], $"{name}/{group} {rate}");
                        }
                    }
                }
            });
        }
    }

    public sealed class Disparity
    {
        [Fact]
        public void Should_contain_its_value_for_every_metric_any_included_groups_and_any_confidence()
        {
            var cases =
                from c in EvaluationCases.Cases()
                from include in Gen.ArrayOf(EvaluationCases.Percent(75), 25)
                from confidence in Gen.Elements(Confidences)
                select (c, include, confidence);
            PropertyRunner.Hold(cases, sample =>
            {
                // Given a random evaluation, a random choice of included groups and a confidence level
                var (evaluation, include, confidence) = sample;
                var suite = evaluation.ToData().Metrics;

                foreach (var attribute in evaluation.Attributes)
                {
                    var included = include[..attribute.Groups.Count];
                    foreach (var metric in Enum.GetValues<FairnessMetric>())
                    {
                        // When the disparity is measured
                        var measurement = suite.Disparity(attribute, metric, included, -1, confidence);

                        // Then its interval contains its value, and its sample is the included groups' rows
                        var because = $"{attribute.Name} {metric} at {confidence}";
                        Approx.Contains(measurement.Interval, measurement.Value, because);
                        var rows = Enumerable.Range(0, attribute.Groups.Count).Where(g => included[g]).Sum(g => attribute.Codes.Count(c => c == g));
                        Assert.True(measurement.SampleSize == rows, $"{because}: sample size {measurement.SampleSize}, expected {rows} included rows");
                        Assert.True(measurement.Value is not null || measurement.Problem is not null, $"{because}: an undefined value names its problem");
                    }
                }
            });
        }

        [Fact]
        public void Should_widen_or_keep_its_interval_as_confidence_rises()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation
                var suite = sample.ToData().Metrics;
                var attribute = sample.Attributes[0];
                var include = Enumerable.Repeat(true, attribute.Groups.Count).ToArray();

                foreach (var metric in Enum.GetValues<FairnessMetric>())
                {
                    // When the disparity's interval is cut at rising confidence levels from the same replicates
                    var intervals = Confidences.Select(c => suite.Disparity(attribute, metric, include, -1, c).Interval).ToList();

                    // Then each interval contains the one before it
                    for (var i = 1; i < intervals.Count; i++)
                    {
                        if (intervals[i - 1] is { } narrow && intervals[i] is { } wide)
                        {
                            Assert.True(
                                wide.Low <= narrow.Low && narrow.High <= wide.High,
                                $"{metric}: [{wide.Low}, {wide.High}] at {Confidences[i]} does not contain [{narrow.Low}, {narrow.High}] at {Confidences[i - 1]}");
                        }
                    }
                }
            });
        }
    }

    public sealed class ScoreInterval
    {
        [Fact]
        public void Should_contain_the_point_estimate_and_nest_by_confidence()
        {
            PropertyRunner.Hold(EvaluationCases.Cases(), sample =>
            {
                // Given a random evaluation
                var suite = sample.ToData().Metrics;

                foreach (var kind in Enum.GetValues<ScoreMetricKind>())
                {
                    // When its score metric's interval is cut at rising confidence levels
                    var point = ScoreBootstrap.Select(suite.Score!, kind);
                    var intervals = Confidences.Select(c => suite.ScoreInterval(kind, c)).ToList();

                    // Then each contains the point estimate and the interval before it
                    for (var i = 0; i < intervals.Count; i++)
                    {
                        Approx.Contains(intervals[i], point, $"{kind} at {Confidences[i]}");
                        if (i > 0 && intervals[i - 1] is { } narrow && intervals[i] is { } wide)
                        {
                            Assert.True(wide.Low <= narrow.Low && narrow.High <= wide.High, $"{kind}: interval at {Confidences[i]} does not contain the one at {Confidences[i - 1]}");
                        }
                    }
                }
            });
        }
    }
}
