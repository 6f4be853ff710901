using ModelCert.Core.Evaluation;
using ModelCert.Core.Frames;
using ModelCert.Core.Statistics;

namespace ModelCert.Benchmarks;

/// <summary>
/// Synthetic evaluation data of the kind PEERS.md measures: a binary label, a positive-class score, sex (2 groups),
/// race (5 groups) and their intersection (10 groups). Deterministic for a row count (seeded), and kept per row count
/// so the metric benchmarks share one copy (about 260 MB at 10M rows).
/// </summary>
internal sealed class MetricsData
{
    public const ulong Seed = 20240601;

    private static readonly double[] RaceShares = [0.60, 0.20, 0.10, 0.06, 0.04];
    private static readonly Dictionary<int, MetricsData> Cache = [];

    private MetricsData(int rows)
    {
        Rows = rows;
        Truth = new bool[rows];
        Scores = new double[rows];
        Predicted = new bool[rows];
        var sex = new int[rows];
        var race = new int[rows];
        var both = new int[rows];
        var random = new SeededRandom(Seed ^ (ulong)rows);
        for (var i = 0; i < rows; i++)
        {
            var s = random.NextDouble() < 0.67 ? 0 : 1;
            var r = DrawRace(random.NextDouble());
            // Base rates differ by group, and the score is a noisy logistic of the label with a group shift,
            // so rates and disparities are non-trivial and nearly every score is distinct (the hard case for sorting).
            var truth = random.NextDouble() < 0.30 - (0.12 * s) - (0.03 * r);
            var logit = (truth ? 1.4 : -1.6) + (0.25 * s) - (0.1 * r) + (1.1 * Gaussian(random));
            var score = 1 / (1 + Math.Exp(-logit));
            sex[i] = s;
            race[i] = r;
            both[i] = (s * RaceShares.Length) + r;
            Truth[i] = truth;
            Scores[i] = score;
            Predicted[i] = score > 0.5;
        }

        string[] raceNames = ["White", "Black", "Asian-Pac-Islander", "Amer-Indian-Eskimo", "Other"];
        string[] sexNames = ["Male", "Female"];
        Sex = new ProtectedAttribute("sex", sex, sexNames);
        Race = new ProtectedAttribute("race", race, raceNames);
        SexRace = new ProtectedAttribute("sex|race", both, [.. sexNames.SelectMany(s => raceNames.Select(r => $"{s}|{r}"))]);
    }

    public int Rows { get; }

    public bool[] Truth { get; }

    public double[] Scores { get; }

    /// <summary>Decisions at threshold 0.5, as certify makes them.</summary>
    public bool[] Predicted { get; }

    public ProtectedAttribute Sex { get; }

    public ProtectedAttribute Race { get; }

    public ProtectedAttribute SexRace { get; }

    public IReadOnlyList<ProtectedAttribute> Attributes => [Sex, Race, SexRace];

    public static MetricsData Get(int rows)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(rows, out var data))
            {
                // One row count at a time: BenchmarkDotNet runs the cases of a class in order of the Rows parameter.
                Cache.Clear();
                data = new MetricsData(rows);
                Cache.Add(rows, data);
            }

            return data;
        }
    }

    /// <summary>The evaluation certify would build from this data (classification, threshold 0.5, strict profile).</summary>
    public EvaluationData Evaluation(int replicates) => new()
    {
        Task = ModelTask.BinaryClassification,
        Test = new Frame([], Rows),
        LabelColumn = "label",
        Truth = Truth,
        Scores = Scores,
        Predicted = Predicted,
        Attributes = Attributes,
        Bootstrap = new BootstrapOptions { Replicates = replicates, Seed = Seed },
    };

    private static int DrawRace(double u)
    {
        for (var r = 0; r < RaceShares.Length - 1; r++)
        {
            u -= RaceShares[r];
            if (u < 0)
            {
                return r;
            }
        }

        return RaceShares.Length - 1;
    }

    private static double Gaussian(SeededRandom random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
