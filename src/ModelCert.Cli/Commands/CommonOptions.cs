using System.CommandLine;

using ModelCert.Evidence;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Cli.Commands;

/// <summary>Options that several commands share, with one spelling and one help text.</summary>
internal static class CommonOptions
{
    public static Option<string> Model() => new("--model") { Description = "The ONNX model file.", Required = true };

    public static Option<string> Data() => new("--data") { Description = "The dataset: CSV, Parquet or JSON lines.", Required = true };

    public static Option<string[]> Features() => new("--features")
    {
        Description = "Ordered columns packed into the model's single [N,k] input, comma-separated.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<string[]> InputMap() => new("--input-map")
    {
        Description = "Feed model input NAME from COLUMN (NAME=COLUMN); repeatable or comma-separated.",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Threads for the model and the data engine (0 = all cores).",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>
    /// <c>--model-memory</c>: the most memory the model's tensors may take while it runs (ONNX Runtime's CPU arena is
    /// capped there), which bounds what an untrusted model can allocate from values computed at run time.
    /// </summary>
    public static Option<string> ModelMemory() => new(ModelMemoryFlag)
    {
        Description = $"The most memory the model's tensors may take while it runs, e.g. 2GiB or 512MiB (default {DefaultModelMemory}); a model needing more is refused.",
        DefaultValueFactory = _ => DefaultModelMemory,
    };

    public const string ModelMemoryFlag = "--model-memory";

    /// <summary>
    /// 2 GiB: far above what scoring a batch takes (16,384 rows of a 100-feature float model is 6.25 MiB of input),
    /// well below a machine's RAM.
    /// </summary>
    public const string DefaultModelMemory = "2GiB";

    /// <summary><see cref="DefaultModelMemory"/> in bytes.</summary>
    public const long DefaultModelMemoryBytes = 2L << 30;

    /// <summary>The <c>--model-memory</c> value in bytes; an unreadable size is a bad input (exit 2).</summary>
    public static long ModelMemoryBytes(ParseResult parse, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var text = parse.GetValue(option) ?? DefaultModelMemory;
        return Runtime.MemorySize.TryParse(text, out var problem) ?? throw new Core.InputException($"{ModelMemoryFlag}: {problem}");
    }

    /// <summary>Session options with the model memory limit, named by its flag in errors.</summary>
    public static Runtime.OnnxSessionOptions SessionOptions(long modelMemory, int threads = 0) =>
        new() { IntraOpThreads = threads, MemoryLimit = modelMemory, MemoryLimitName = ModelMemoryFlag };

    /// <summary><c>--workspace</c>: the folder with the signing keys and the transparency log.</summary>
    public static Option<string?> WorkspaceFolder(string purpose) => new("--workspace")
    {
        Description = $"The workspace {purpose} (default: $MODELCERT_HOME, or ./.modelcert).",
    };

    /// <summary>The workspace given, else $MODELCERT_HOME, else <c>.modelcert</c> under the current directory.</summary>
    public static Workspace Workspace(string? explicitRoot = null) =>
        ModelCert.Evidence.Workspace.Resolve(explicitRoot, Environment.GetEnvironmentVariable(ModelCert.Evidence.Workspace.HomeVariable), Directory.GetCurrentDirectory());

    public static InputMappingOptions Mapping(ParseResult parse, Option<string[]> features, Option<string[]> inputMap, string dataOrigin)
    {
        var featureList = parse.GetValue(features) is { Length: > 0 } raw
            ? raw.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : null;
        return new InputMappingOptions
        {
            Features = featureList,
            ExplicitMap = InputMappingOptions.ParseInputMap(parse.GetValue(inputMap) ?? []),
            DataOrigin = dataOrigin,
        };
    }
}
