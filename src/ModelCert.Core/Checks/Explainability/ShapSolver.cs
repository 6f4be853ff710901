namespace ModelCert.Core.Checks.Explainability;

/// <summary>
/// The Shapley-kernel weighted least squares with the efficiency constraint sum(phi) = f(x) - E[f(background)]
/// built in: the last feature's value is eliminated (phi_M = delta - sum of the others), leaving an unconstrained
/// problem in M-1 unknowns whose normal matrix depends on the coalitions only. It is factored once per plan, so each
/// explained row costs one (M-1) x K product.
/// </summary>
internal sealed class ShapSolver
{
    private readonly int _features;
    private readonly double[,] _projection;
    private readonly double[] _lastInCoalition;

    public ShapSolver(CoalitionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _features = plan.Features;
        var m = _features - 1;
        var k = plan.Count;
        _lastInCoalition = [.. plan.Masks.Select(z => z[_features - 1] ? 1.0 : 0.0)];
        _projection = new double[m, k];
        if (m == 0)
        {
            return;
        }

        // X[k, j] = z[k, j] - z[k, M-1]; A = X' W X; projection = A^-1 X' W.
        var design = new double[k, m];
        for (var row = 0; row < k; row++)
        {
            for (var j = 0; j < m; j++)
            {
                design[row, j] = (plan.Masks[row][j] ? 1.0 : 0.0) - _lastInCoalition[row];
            }
        }

        var normal = new double[m, m];
        for (var row = 0; row < k; row++)
        {
            var w = plan.Weights[row];
            for (var i = 0; i < m; i++)
            {
                var wi = w * design[row, i];
                if (wi == 0)
                {
                    continue;
                }

                for (var j = 0; j < m; j++)
                {
                    normal[i, j] += wi * design[row, j];
                }
            }
        }

        var inverse = Invert(normal);
        for (var i = 0; i < m; i++)
        {
            for (var row = 0; row < k; row++)
            {
                var sum = 0.0;
                for (var j = 0; j < m; j++)
                {
                    sum += inverse[i, j] * design[row, j];
                }

                _projection[i, row] = sum * plan.Weights[row];
            }
        }
    }

    /// <summary>
    /// Writes the row's attributions into <paramref name="phi"/> (length M) from the coalition values
    /// <paramref name="values"/> (mean score over the background, one per coalition).
    /// </summary>
    public void Solve(ReadOnlySpan<double> values, double output, double baseValue, Span<double> phi)
    {
        var delta = output - baseValue;
        var m = _features - 1;
        var sum = 0.0;
        for (var i = 0; i < m; i++)
        {
            var u = 0.0;
            for (var row = 0; row < values.Length; row++)
            {
                u += _projection[i, row] * (values[row] - baseValue - (_lastInCoalition[row] * delta));
            }

            phi[i] = u;
            sum += u;
        }

        phi[m] = delta - sum;
    }

    /// <summary>
    /// Gauss-Jordan with partial pivoting. A pivot below 1e-10 of the mean diagonal means the coalitions do not
    /// determine every attribution (too few for the number of features): that is an error, never a guess.
    /// </summary>
    private static double[,] Invert(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var trace = 0.0;
        for (var i = 0; i < n; i++)
        {
            trace += matrix[i, i];
        }

        var a = new double[n, 2 * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                a[i, j] = matrix[i, j];
            }

            a[i, n + i] = 1;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (Math.Abs(a[pivot, col]) <= 1e-10 * trace / n)
            {
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"the sampled coalitions do not determine all {n + 1} attributions; raise 'samples' (at least {2 * (n + 1)} for {n + 1} features)"));
            }

            for (var j = 0; j < 2 * n; j++)
            {
                (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
            }

            var scale = a[col, col];
            for (var j = 0; j < 2 * n; j++)
            {
                a[col, j] /= scale;
            }

            for (var row = 0; row < n; row++)
            {
                if (row == col || a[row, col] == 0)
                {
                    continue;
                }

                var factor = a[row, col];
                for (var j = 0; j < 2 * n; j++)
                {
                    a[row, j] -= factor * a[col, j];
                }
            }
        }

        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                inverse[i, j] = a[i, n + j];
            }
        }

        return inverse;
    }
}
