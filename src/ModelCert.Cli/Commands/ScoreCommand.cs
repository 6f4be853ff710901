using System.CommandLine;
using System.Globalization;
using ModelCert.Core;
using ModelCert.Data;
using ModelCert.Runtime;
using ModelCert.Runtime.Onnx;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Cli.Commands;

/// <summary><c>modelcert score</c>: runs a model over a dataset and writes one <c>row,label,score</c> line per input row.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliConsole console)
    {
        var model = CommonOptions.Model();
        var data = CommonOptions.Data();
        var features = CommonOptions.Features();
        var inputMap = CommonOptions.InputMap();
        var threads = CommonOptions.Threads();
        var modelMemory = CommonOptions.ModelMemory();
        var output = new Option<string>("--out") { Description = "The scores CSV to write (row,label,score).", Required = true };
        var positiveIndex = new Option<int>("--positive-index")
        {
            Description = "The column of the probabilities output that holds the positive class.",
            DefaultValueFactory = _ => 1,
        };
        var batchRows = new Option<int>("--batch-rows") { Description = "Rows per model run.", DefaultValueFactory = _ => 16384 };

        var command = new Command("score", "Score a dataset with an ONNX model.")
        {
            model, data, features, inputMap, output, positiveIndex, batchRows, threads, modelMemory,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(positiveIndex) < 0 || parse.GetValue(batchRows) <= 0 || parse.GetValue(threads) < 0)
            {
                throw new InputException("--positive-index and --threads must be 0 or more and --batch-rows more than 0");
            }

            var request = new ScoreRequest(
                parse.GetRequiredValue(model),
                parse.GetRequiredValue(data),
                parse.GetRequiredValue(output),
                CommonOptions.Mapping(parse, features, inputMap, parse.GetRequiredValue(data)),
                new ScorerOptions { PositiveIndex = parse.GetValue(positiveIndex), BatchRows = parse.GetValue(batchRows) },
                parse.GetValue(threads))
            {
                ModelMemory = CommonOptions.ModelMemoryBytes(parse, modelMemory),
            };
            return Run(request, console);
        });
        return command;
    }

    internal sealed record ScoreRequest(
        string ModelPath, string DataPath, string OutputPath, InputMappingOptions Mapping, ScorerOptions Scorer, int Threads)
    {
        /// <summary>The most memory the model's tensors may take while it runs, in bytes.</summary>
        public long ModelMemory { get; init; } = CommonOptions.DefaultModelMemoryBytes;
    }

    internal static int Run(ScoreRequest request, CliConsole console)
    {
        OnnxInspector.InspectOrRefuse(request.ModelPath);
        using var session = OnnxSession.Open(request.ModelPath, CommonOptions.SessionOptions(request.ModelMemory, request.Threads));
        using var source = DatasetReader.Open(request.DataPath, new DatasetReadOptions { Threads = request.Threads == 0 ? null : request.Threads });
        var bindings = InputMapper.Resolve(session.Inputs, source.Schema, request.Mapping, request.ModelPath);
        using var scorer = new ModelScorer(session, bindings, request.DataPath, request.Scorer);
        var singlePrecision = (scorer.Layout.Probabilities ?? scorer.Layout.Prediction)!.ElementType == TensorElementType.Float;

        var progress = new RowProgress(console, "scored");
        long rows;
        using (var file = new AtomicFile(request.OutputPath))
        {
            using (var writer = new ScoresWriter(file.Stream, singlePrecision))
            {
                writer.WriteHeader();
                foreach (var batch in scorer.Score(source, progress))
                {
                    writer.Write(batch);
                }

                progress.Finish();
                rows = writer.Rows;
            }

            if (rows == 0)
            {
                throw new InputException($"data file '{request.DataPath}' has no rows to score (only a header, or empty)");
            }

            file.Commit();
        }

        var seconds = Math.Max(progress.Elapsed.TotalSeconds, 1e-9);
        console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"scored {rows:N0} rows with {Path.GetFileName(request.ModelPath)} ({scorer.Layout.Kind.ToString().ToLowerInvariant()}) in {seconds:0.00} s ({rows / seconds:N0} rows/s) -> {request.OutputPath}"));
        return ExitCode.Success;
    }
}
