using ModelCert.Core.Frames;

namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// Model-agnostic, sampled Kernel SHAP (Lundberg and Lee 2017) in the interventional setting: the value of a
/// coalition is the mean model score over the background rows with the coalition's features set to the explained
/// row's values (categorical values swapped whole). Model inputs that are not explained keep the row's own value.
/// Every (row, coalition, background row) triple becomes one row of a frame scored in batches of about
/// <see cref="BatchRows"/>, since the model is fast per row in batches and slow per call.
/// </summary>
internal sealed class KernelShap(ExplainInputs inputs, Frame background, CoalitionPlan plan)
{
    /// <summary>Rows per scoring call (a few (row, coalition) pairs times the background).</summary>
    public const int BatchRows = 1 << 16;

    private readonly ShapSolver _solver = new(plan);
    private readonly Lazy<double> _baseValue = new(() => Scoring.Finite(inputs.Model, background).Average());

    /// <summary>E[f(background)], the value every explanation starts from.</summary>
    public double BaseValue => _baseValue.Value;

    public CoalitionPlan Plan => plan;

    /// <summary>Explains rows <paramref name="rows"/> of <paramref name="source"/> (test data, or a perturbed copy of it).</summary>
    public ShapExplanation Explain(Frame source, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rows);
        var features = inputs.Features;
        var m = features.Count;
        var explained = FrameRows.Take(source, inputs.ModelColumns, rows);
        var outputs = rows.Length == 0 ? [] : Scoring.Finite(inputs.Model, explained);
        var phi = new double[rows.Length * m];
        if (m == 1)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                phi[r] = outputs[r] - BaseValue;
            }

            return new ShapExplanation(features, BaseValue, phi, outputs, rows, plan.Exact);
        }

        var values = CoalitionValues(explained, rows.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            _solver.Solve(values.AsSpan(r * plan.Count, plan.Count), outputs[r], BaseValue, phi.AsSpan(r * m, m));
        }

        return new ShapExplanation(features, BaseValue, phi, outputs, rows, plan.Exact);
    }

    /// <summary>v[r, k] = mean over the background of f(row r with coalition k's features), row-major.</summary>
    private double[] CoalitionValues(Frame explained, int rows)
    {
        var k = plan.Count;
        var nb = background.RowCount;
        var pairs = rows * k;
        var values = new double[pairs];
        var featureIndex = inputs.ModelColumns.Select(c => IndexOf(inputs.Features, c)).ToArray();
        var perBatch = Math.Max(1, BatchRows / nb);
        for (var first = 0; first < pairs; first += perBatch)
        {
            var count = Math.Min(perBatch, pairs - first);
            var columns = new Column[inputs.ModelColumns.Count];
            for (var c = 0; c < columns.Length; c++)
            {
                var index = new int[count * nb];
                var feature = featureIndex[c];
                for (var p = 0; p < count; p++)
                {
                    var pair = first + p;
                    var row = pair / k;
                    var fromRow = feature < 0 || plan.Masks[pair % k][feature];
                    var slot = index.AsSpan(p * nb, nb);
                    for (var b = 0; b < nb; b++)
                    {
                        slot[b] = fromRow ? row : ~b;
                    }
                }

                var name = inputs.ModelColumns[c];
                columns[c] = FrameRows.Gather(explained[name], background[name], index);
            }

            var scores = Scoring.Finite(inputs.Model, new Frame(columns, count * nb));
            for (var p = 0; p < count; p++)
            {
                var sum = 0.0;
                for (var b = 0; b < nb; b++)
                {
                    sum += scores[(p * nb) + b];
                }

                values[first + p] = sum / nb;
            }
        }

        return values;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
