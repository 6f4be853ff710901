using System.Globalization;
using System.Security.Cryptography;
using ModelCert.Core.Checks.Security;

namespace ModelCert.Runtime.Onnx;

/// <summary>
/// Static inspection of an ONNX file before ONNX Runtime sees it: reads the bytes once (hashing them as it goes),
/// walks the protobuf with our own bounded reader, and looks at, but never opens, external data files. Opens
/// nothing but the model file. A file too large for <see cref="ModelInspectionLimits.MaxBytes"/> is not read at all.
/// </summary>
public static class OnnxInspector
{
    /// <summary>
    /// Inspects <paramref name="modelPath"/>; the file's problems are in the result, never thrown. Messages name the
    /// file as <paramref name="shownAs"/> (the path as the user wrote it), or as <paramref name="modelPath"/>.
    /// </summary>
    /// <exception cref="ModelLoadException">The path is missing, a folder, or cannot be read at all.</exception>
    public static ModelInspection Inspect(string modelPath, ModelInspectionLimits? limits = null, string? shownAs = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        limits ??= ModelInspectionLimits.Default;
        var full = Path.GetFullPath(modelPath);
        modelPath = shownAs ?? modelPath;
        if (Directory.Exists(full))
        {
            throw new ModelLoadException(modelPath, "is a directory, not an ONNX model file");
        }

        var info = new FileInfo(full);
        if (!info.Exists)
        {
            throw new ModelLoadException(modelPath, $"does not exist (looked for {full})");
        }

        var length = info.Length;
        if (length == 0)
        {
            return new ModelInspection { Path = modelPath, Bytes = 0, Problems = ["the file is empty (0 bytes), not an ONNX model"] };
        }

        if (length > limits.MaxBytes || length > Array.MaxLength)
        {
            var problems = length > limits.MaxBytes ? Array.Empty<string>() : [string.Create(CultureInfo.InvariantCulture, $"the file is {length} bytes, more than one protobuf message can hold")];
            return new ModelInspection { Path = modelPath, Bytes = length, Problems = problems };
        }

        var (bytes, sha256) = Read(modelPath, full, (int)length);
        var rules = new ExternalDataRules(Path.GetDirectoryName(full)!);
        var walker = new InspectionWalker(rules);
        var complete = true;
        string? malformed = null;
        try
        {
            walker.WalkModel(bytes);
        }
        catch (ProtobufFormatException ex)
        {
            complete = false;
            malformed = $"the file is not a valid ONNX model: {ex.Message}";
        }

        return new ModelInspection
        {
            Path = modelPath,
            Sha256 = sha256,
            Bytes = bytes.Length,
            Complete = complete,
            IrVersion = walker.IrVersion,
            Producer = walker.Producer,
            Opsets = walker.Opsets,
            NodeCount = walker.NodeCount,
            NodeDomains = walker.NodeDomains,
            FunctionDomains = walker.FunctionDomains,
            LargestDimension = walker.LargestDimension,
            LargestElementCount = walker.LargestElementCount,
            ExternalData = rules.References,
            ExternalBytes = rules.TotalBytes,
            Problems = malformed is null ? walker.Problems : [malformed, .. walker.Problems],
            FilesOpened = [full],
        };
    }

    /// <summary>
    /// Inspects the model and refuses it when it breaks a rule or a limit: the exception's one-line message names the
    /// file and the violations (the first five, then how many more).
    /// </summary>
    /// <exception cref="ModelLoadException">The file is unsafe, malformed, or outside the limits.</exception>
    public static ModelInspection InspectOrRefuse(string modelPath, ModelInspectionLimits? limits = null, string? shownAs = null)
    {
        limits ??= ModelInspectionLimits.Default;
        var inspection = Inspect(modelPath, limits, shownAs);
        modelPath = shownAs ?? modelPath;
        var violations = limits.Violations(inspection);
        if (violations.Count > 0)
        {
            var shown = string.Join("; ", violations.Take(5));
            var more = violations.Count > 5 ? string.Create(CultureInfo.InvariantCulture, $"; and {violations.Count - 5} more") : string.Empty;
            throw new ModelLoadException(modelPath, $"is refused by static inspection: {shown}{more}");
        }

        return inspection;
    }

    /// <summary>The whole file in one array, hashed in the same pass.</summary>
    private static (byte[] Bytes, string Sha256) Read(string modelPath, string full, int length)
    {
        try
        {
            using var file = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.Read);
            var bytes = new byte[length];
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var done = 0;
            while (done < length)
            {
                var read = RandomAccess.Read(file, bytes.AsSpan(done, Math.Min(1 << 20, length - done)), done);
                if (read == 0)
                {
                    break;
                }

                hash.AppendData(bytes, done, read);
                done += read;
            }

            return (done == length ? bytes : bytes[..done], Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelLoadException(modelPath, $"could not be read: {ex.Message}", ex);
        }
    }
}
