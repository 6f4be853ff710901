using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Requirements;

namespace ModelCert.Core.Checks.Robustness;

/// <summary>
/// The noise experiment noise-flip-rate and noise-metric-drop share: the sample scored with every feature perturbed
/// at each scale, and at the decided scale with one feature perturbed at a time (to name the features that drive it).
/// Each (scale, feature) pair draws from its own stream, so a feature gets the same noise alone as with the others,
/// and both checks see the same noise for the same seed.
/// </summary>
internal sealed class NoiseRun
{
    public const string Stream = "robustness.noise";
    public const int DefaultSample = 10_000;
    public const double DefaultSwapRate = 0.02;
    public static readonly IReadOnlyList<double> DefaultScales = [0.01, 0.05, 0.1];

    private NoiseRun(RescoringSetup setup, IReadOnlyList<double> scales, double swapRate, double[][] scores, IReadOnlyList<(string Feature, double[] Scores)> perFeature)
    {
        Setup = setup;
        Scales = scales;
        SwapRate = swapRate;
        Scores = scores;
        PerFeature = perFeature;
    }

    public RescoringSetup Setup { get; }

    /// <summary>The scales in ascending order; the last one is decided on.</summary>
    public IReadOnlyList<double> Scales { get; }

    public double SwapRate { get; }

    /// <summary>Scores of the sample with every feature perturbed, one array per scale.</summary>
    public double[][] Scores { get; }

    /// <summary>Scores at the largest scale with only that feature perturbed.</summary>
    public IReadOnlyList<(string Feature, double[] Scores)> PerFeature { get; }

    public double DecidedScale => Scales[^1];

    public static NoiseRun? Run(EvaluationData data, Requirement requirement, bool decisions, out CheckResult? problem)
    {
        var setup = RescoringSetup.Prepare(data, requirement, DefaultSample, decisions, Stream, out problem);
        if (setup is null)
        {
            return null;
        }

        var scales = requirement.Parameters.Numbers("scale", DefaultScales).Distinct().Order().ToList();
        var swapRate = requirement.Parameters.Number("swap_rate", DefaultSwapRate);
        var scores = new double[scales.Count][];
        for (var s = 0; s < scales.Count; s++)
        {
            var columns = setup.Features.Select((f, i) => Perturb(data, f, scales[s], swapRate)).ToList();
            scores[s] = ModelScoring.TryScore(setup.Model, FrameEdit.Replace(setup.Sample, columns), out var failure)!;
            if (scores[s] is null)
            {
                problem = CheckResults.Error(requirement, $"the model could not score the sample with noise at scale {RobustnessDetails.Format(scales[s])}: {failure}");
                return null;
            }
        }

        var perFeature = new List<(string, double[])>();
        if (setup.Features.Count > 1)
        {
            for (var i = 0; i < setup.Features.Count; i++)
            {
                var column = Perturb(data, setup.Features[i], scales[^1], swapRate);
                if (ModelScoring.TryScore(setup.Model, FrameEdit.Replace(setup.Sample, column), out _) is { } alone)
                {
                    perFeature.Add((setup.Features[i].Name, alone));
                }
            }
        }
        else
        {
            perFeature.Add((setup.Features[0].Name, scores[^1]));
        }

        return new NoiseRun(setup, scales, swapRate, scores, perFeature);
    }

    private static Column Perturb(EvaluationData data, ColumnStats feature, double scale, double swapRate) =>
        Perturbation.Noise(feature.Column, feature, scale, swapRate, RowSample.Stream(data.Bootstrap.Seed, Stream, RobustnessDetails.Invariant($"{scale:R}/{feature.Name}")));
}
