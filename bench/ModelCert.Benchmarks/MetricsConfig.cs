using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ModelCert.Benchmarks;

/// <summary>
/// The metric benchmarks' extra configuration: a baseline per category (so Ratio reads "with intervals / without"),
/// and a rows-per-second column, because one invocation processes all <c>Rows</c> rows of the data.
/// </summary>
internal sealed class MetricsConfig : ManualConfig
{
    public MetricsConfig()
    {
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        AddColumn(CategoriesColumn.Default, new RowsPerSecondColumn());
    }

    private sealed class RowsPerSecondColumn : IColumn
    {
        public string Id => nameof(RowsPerSecondColumn);

        public string ColumnName => "Rows/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Rows processed per second: the Rows parameter divided by the mean time of one invocation";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var rows = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Rows")?.Value;
            return mean is > 0 && rows is int count
                ? (count / (mean.Value / 1e9)).ToString("#,0", CultureInfo.InvariantCulture)
                : "-";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
