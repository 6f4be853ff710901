using System.CommandLine;
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
