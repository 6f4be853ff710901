using System.Text;
using System.Text.RegularExpressions;

using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>Checking the model file and creating the native session, with one-line errors for bad files.</summary>
public sealed partial class OnnxSession
{
    private static void CheckFile(string modelPath)
    {
        var where = Path.IsPathRooted(modelPath) ? string.Empty : $" (looked for {Path.GetFullPath(modelPath)})";
        if (Directory.Exists(modelPath))
        {
            throw new ModelLoadException(modelPath, "is a directory, not an ONNX model file");
        }

        var file = new FileInfo(modelPath);
        if (!file.Exists)
        {
            throw new ModelLoadException(modelPath, "does not exist" + where);
        }

        if (file.Length == 0)
        {
            throw new ModelLoadException(modelPath, "is empty (0 bytes), not an ONNX model");
        }
    }

    private static OrtSessionHandle CreateSession(OrtApi api, string modelPath, OnnxSessionOptions options)
    {
        using var sessionOptions = CreateOptions(api, options);
        if (options.MemoryLimit is not { } limit)
        {
            return CreateSession(api, modelPath, sessionOptions);
        }

        api.UseCappedArena(sessionOptions.Pointer);
        return api.WithCappedArena(limit, () => CreateSession(api, modelPath, sessionOptions));
    }

    private static unsafe OrtSessionHandle CreateSession(OrtApi api, string modelPath, OrtSessionOptionsHandle sessionOptions)
    {
        var path = Encoding.UTF8.GetBytes(Path.GetFullPath(modelPath) + "\0");
        nint session;
        nint status;
        fixed (byte* pathBytes = path)
        {
            status = api.CreateSession(api.Environment, pathBytes, sessionOptions.Pointer, &session);
        }

        if (status != 0)
        {
            var error = api.TakeError(status, $"loading model '{modelPath}'");
            throw new ModelLoadException(modelPath, Problem(error), error);
        }

        return new OrtSessionHandle(session);
    }

    private static unsafe OrtSessionOptionsHandle CreateOptions(OrtApi api, OnnxSessionOptions options)
    {
        nint raw;
        api.Check(api.CreateSessionOptions(&raw), "creating session options");
        var handle = new OrtSessionOptionsHandle(raw);
        try
        {
            api.Check(api.SetSessionLogSeverityLevel(raw, OrtApi.LogSeverityFatal), "setting the session log level");
            api.Check(api.SetSessionGraphOptimizationLevel(raw, (int)options.Optimization), "setting the graph optimization level");
            api.Check(api.SetIntraOpNumThreads(raw, options.IntraOpThreads), "setting intra-op threads");
            api.Check(api.SetInterOpNumThreads(raw, options.InterOpThreads), "setting inter-op threads");
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>What is wrong with the file, from ORT's status, as one line.</summary>
    private static string Problem(OnnxRuntimeException error)
    {
        var reason = FirstLine(error.RuntimeMessage);
        return error.ErrorCode switch
        {
            OnnxRuntimeErrorCode.NoSuchFile => $"could not be read: {reason}",
            OnnxRuntimeErrorCode.NotImplemented => $"needs something ONNX Runtime {OrtApi.Instance.Version} does not implement: {reason}",
            OnnxRuntimeErrorCode.InvalidProtobuf or OnnxRuntimeErrorCode.InvalidGraph or OnnxRuntimeErrorCode.InvalidArgument
                => $"is not a valid ONNX model: {reason}",
            _ => $"could not be loaded by ONNX Runtime {OrtApi.Instance.Version}: {reason}",
        };
    }

    /// <summary>
    /// The first line of ORT's message, without its "Load model from PATH failed:" lead (we name the file ourselves)
    /// and without the C++ source location and function signature its internal checks put first.
    /// </summary>
    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        const string Lead = "Load model from ";
        var failed = line.IndexOf(" failed:", StringComparison.Ordinal);
        if (line.StartsWith(Lead, StringComparison.Ordinal) && failed > 0)
        {
            line = line[(failed + " failed:".Length)..].Trim();
        }

        line = SourceLocation().Replace(line, string.Empty, 1);
        line = InnerSourceLocation().Replace(line, string.Empty);
        return line.Length == 0 ? "(no reason given)" : line;
    }

    /// <summary>ORT's reason for a failed run, as one line without the C++ source locations it quotes.</summary>
    internal static string Reason(OnnxRuntimeException error) => FirstLine(error.RuntimeMessage);

    /// <summary>Like "/onnxruntime_src/core/graph/model_load_utils.h:46 void onnxruntime::F(const T&amp;, int) ".</summary>
    [GeneratedRegex(@"^/\S+:\d+ [^()]*\(.*?\) (?=\S)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SourceLocation();

    /// <summary>The same inside a run's message, after "Status Message: ".</summary>
    [GeneratedRegex(@"/onnxruntime_src/\S+:\d+ [^()]*\(.*?\)( const)? (?=\S)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InnerSourceLocation();
}
