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
