using System.Globalization;
using System.Text;
using System.Text.Json;
using ModelCert.Runtime;
using ModelCert.Runtime.Onnx;
using Xunit;

namespace ModelCert.Cli.Tests;

/// <summary>certify on a regressor: MAE, RMSE and R² with intervals, and the per-group error gap.</summary>
public sealed class RegressionTests
{
    public sealed class Certify
    {
        [Fact]
        public void Should_measure_regression_metrics_and_the_error_gap()
        {
            // Given y = 2x + 1 plus noise that is larger for group b, and a model predicting exactly 2x + 1
            using var temp = new TempFolder();
            var random = new Random(7);
            var csv = new StringBuilder("x,group,y\n");
            var errors = new List<(string Group, double Error)>();
            for (var i = 0; i < 2000; i++)
            {
                var x = Math.Round(random.NextDouble() * 10, 3);
                var group = i % 2 == 0 ? "a" : "b";
                var noise = Math.Round((random.NextDouble() - 0.5) * (group == "a" ? 1 : 3), 4);
                var y = (2 * x) + 1 + noise;
                csv.Append(CultureInfo.InvariantCulture, $"{x},{group},{y:R}\n");
                errors.Add((group, Math.Abs(((2 * (float)x) + 1f) - y)));
            }

            var data = temp.Write("data.csv", csv.ToString());
            new OnnxModelBuilder().Producer("test", "1").Opset(string.Empty, 13)
                .Input("x", TensorElementType.Float, -1, 1)
                .Initializer("w", [2f], 1, 1).Initializer("b", [1f], 1)
                .Node("MatMul", ["x", "w"], ["xw"]).Node("Add", ["xw", "b"], ["variable"])
                .Output("variable", TensorElementType.Float, -1, 1)
                .Save(temp.File("model.onnx"));
            var policy = temp.Write("regression.yaml", "apiVersion: modelcert/v1\nkind: Policy\nmetadata:\n  name: regression\n  version: 1.0.0\nrequirements:\n  - id: fit\n    check: performance.r2\n    threshold: { min: 0.9 }\n  - id: gap\n    check: fairness.error-gap\n    threshold: { max: 0.1 }\n");

            // When certify runs
            var result = CliRunner.Run("certify", "--model", temp.File("model.onnx"), "--data", data, "--label", "y", "--protected", "group", "--policy", policy, "--out", temp.File("out"), "--format", "json");

            // Then the task is regression, MAE matches a direct computation, R² passes and the gap fails
            Assert.True(result.ExitCode == 4, result.ToString());
            var doc = JsonDocument.Parse(File.ReadAllText(temp.File("out/results.json"))).RootElement;
            Assert.Equal("regression", doc.GetProperty("task").GetString());
            var performance = doc.GetProperty("metrics").GetProperty("performance");
            Assert.Equal(errors.Average(e => e.Error), performance.GetProperty("mae").GetDouble(), 1e-6);
            var gap = errors.Where(e => e.Group == "b").Average(e => e.Error) - errors.Where(e => e.Group == "a").Average(e => e.Error);
            var groupSection = doc.GetProperty("metrics").GetProperty("fairness").GetProperty("group");
            Assert.Equal(gap, groupSection.GetProperty("error_gap").GetDouble(), 1e-6);
            var checks = doc.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("requirement").GetString()!, c => c.GetProperty("outcome").GetString());
            Assert.Equal("pass", checks["fit"]);
            Assert.Equal("fail", checks["gap"]);
            Assert.Equal(2, performance.GetProperty("ci").GetProperty("mae").GetArrayLength());
        }
    }
}
