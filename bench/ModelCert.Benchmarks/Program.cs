using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ModelCert.Benchmarks;

/// <summary>
/// Benchmarks on adult's test split replicated to 1M rows (see <see cref="BenchData"/>).
/// <c>dotnet run -c Release --project bench/ModelCert.Benchmarks -- --filter '*'</c>; figures are per row
/// (OperationsPerInvoke = rows), so rows/s = 1e9 / mean ns.
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(BenchmarkDotNet.Engines.RunStrategy.Monitoring)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithLaunchCount(1))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
