using System.Globalization;
using ModelCert.Data;
using ModelCert.Runtime;
using ModelCert.Runtime.Scoring;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>Every shared model, scored through our runtime on its test split, agrees with scikit-learn.</summary>
public sealed class ScoringParityTests
{
    private const double ProbabilityTolerance = 1e-5;

    public static TheoryData<string, string> Models => ModelCard.All;

    public sealed class Score
    {
        [Theory]
        [MemberData(nameof(Models), MemberType = typeof(ScoringParityTests))]
        public void Should_give_scikit_learns_labels_and_probabilities(string dataset, string model)
        {
            // Given the model, its test split, and the feature order from its card
            var card = new ModelCard(dataset, model);
            var (labels, probabilities) = card.Expected();
            var frame = DatasetReader.ReadAll(card.TestCsv);
            using var session = OnnxSession.Open(card.ModelPath);
            var bindings = InputMapper.Resolve(
                session.Inputs, frame.Schema, new InputMappingOptions { Features = card.TensorColumns, DataOrigin = card.TestCsv }, card.ModelPath);

            // When every row is scored in batches smaller than the data
            using var scorer = new ModelScorer(session, bindings, card.TestCsv, new ScorerOptions { BatchRows = 1000 });
            var batches = scorer.Score(frame, 0).ToList();

            // Then labels are identical and probabilities agree within float32 precision
            var scores = batches.SelectMany(b => b.Scores).ToArray();
            var ours = batches.SelectMany(b => b.Labels!).ToArray();
            Assert.Equal(probabilities.Length, scores.Length);
            var labelMismatches = Enumerable.Range(0, ours.Length).Count(i => ours[i] != labels[i]);
            Assert.True(labelMismatches == 0, $"{model}: {labelMismatches} labels differ from scikit-learn");
            var worst = Enumerable.Range(0, scores.Length).MaxBy(i => Math.Abs(scores[i] - probabilities[i]));
            var gap = Math.Abs(scores[worst] - probabilities[worst]);
            Assert.True(
                gap <= ProbabilityTolerance,
                string.Create(CultureInfo.InvariantCulture, $"{model}: row {worst} P={scores[worst]} vs scikit-learn {probabilities[worst]} (|d|={gap:E2})"));
        }
    }

    public sealed class ScoreCommand
    {
        [Theory]
        [MemberData(nameof(Models), MemberType = typeof(ScoringParityTests))]
        public void Should_write_one_row_per_input_row_with_scikit_learns_answers(string dataset, string model)
        {
            // Given the CLI pointed at a shared model and its test split
            var card = new ModelCard(dataset, model);
            var (labels, probabilities) = card.Expected();
            using var temp = new TempFolder();
            var output = temp.File("scores.csv");
            string[] args = ["score", "--model", card.ModelPath, "--data", card.TestCsv, "--out", output];
            if (card.TensorColumns is { } columns)
            {
                args = [.. args, "--features", string.Join(",", columns)];
            }

            // When it scores the file
            var result = CliRunner.Run(args);

            // Then it succeeds and writes row,label,score in input order
            Assert.True(result.ExitCode == 0, result.ToString());
            var lines = File.ReadAllLines(output);
            Assert.Equal("row,label,score", lines[0]);
            Assert.Equal(labels.Length + 1, lines.Length);
            for (var i = 0; i < labels.Length; i++)
            {
                var cells = lines[i + 1].Split(',');
                Assert.Equal(i.ToString(CultureInfo.InvariantCulture), cells[0]);
                Assert.True(labels[i].ToString(CultureInfo.InvariantCulture) == cells[1], $"row {i}: label {cells[1]}, scikit-learn {labels[i]}");
                var score = double.Parse(cells[2], CultureInfo.InvariantCulture);
                Assert.True(Math.Abs(score - probabilities[i]) <= ProbabilityTolerance, $"row {i}: score {score}, scikit-learn {probabilities[i]}");
            }

            Assert.Empty(Directory.GetFiles(temp.Path, ".*.tmp"));
        }
    }
}
