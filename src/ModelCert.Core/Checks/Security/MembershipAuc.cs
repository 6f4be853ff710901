using ModelCert.Core.Statistics;

namespace ModelCert.Core.Checks.Security;

/// <summary>
/// How well a loss threshold tells members (training rows) from non-members (test rows): the AUC of "lower loss means
/// member" (Mann-Whitney, ties count one half), DeLong's interval for it, and the best membership advantage
/// max(TPR - FPR) over thresholds (Yeom et al., 2018). 0.5 and 0 mean the losses do not give membership away.
/// </summary>
public sealed record MembershipAuc(double Auc, (double Low, double High) Interval, double Advantage)
{
    public static MembershipAuc Compute(IReadOnlyList<double> memberLosses, IReadOnlyList<double> nonMemberLosses, double confidence)
    {
        ArgumentNullException.ThrowIfNull(memberLosses);
        ArgumentNullException.ThrowIfNull(nonMemberLosses);
        int m = memberLosses.Count, n = nonMemberLosses.Count;
        if (m == 0 || n == 0)
        {
            throw new ArgumentException("both members and non-members need at least one row");
        }

        // Score = -loss, so a higher score means "member"; midranks handle ties.
        var all = new double[m + n];
        for (var i = 0; i < m; i++)
        {
            all[i] = -memberLosses[i];
        }

        for (var j = 0; j < n; j++)
        {
            all[m + j] = -nonMemberLosses[j];
        }

        var combined = Midranks(all);
        var members = Midranks(all[..m]);
        var nonMembers = Midranks(all[m..]);
        var v10 = new double[m];
        var v01 = new double[n];
        for (var i = 0; i < m; i++)
        {
            v10[i] = (combined[i] - members[i]) / n;
        }

        for (var j = 0; j < n; j++)
        {
            v01[j] = 1 - ((combined[m + j] - nonMembers[j]) / m);
        }

        var auc = v10.Average();
        var variance = (Variance(v10) / m) + (Variance(v01) / n);
        var z = Normal.Quantile(1 - ((1 - confidence) / 2));
        var half = z * Math.Sqrt(variance);
        return new MembershipAuc(auc, (Math.Max(0, auc - half), Math.Min(1, auc + half)), BestAdvantage(all, m));
    }

    /// <summary>Ranks from 1, ties sharing their mean rank.</summary>
    internal static double[] Midranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[values.Length];
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && values[order[end]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + 1) + end) / 2.0;
            for (var k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }

    /// <summary>max over thresholds t of P(member score &gt;= t | member) - P(score &gt;= t | non-member), sweeping tied scores together.</summary>
    private static double BestAdvantage(double[] scores, int members)
    {
        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]));
        int n = scores.Length - members, tp = 0, fp = 0;
        var best = 0.0;
        for (var k = 0; k < order.Length;)
        {
            var value = scores[order[k]];
            while (k < order.Length && scores[order[k]] == value)
            {
                if (order[k] < members)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }

                k++;
            }

            best = Math.Max(best, ((double)tp / members) - ((double)fp / n));
        }

        return best;
    }

    private static double Variance(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
