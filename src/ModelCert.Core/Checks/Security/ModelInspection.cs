namespace ModelCert.Core.Checks.Security;

/// <summary>An operator set the model imports: <c>ai.onnx</c> (written "" in the file), <c>ai.onnx.ml</c>, or another domain.</summary>
public sealed record OpsetImport(string Domain, long Version);

/// <summary>A tensor whose bytes live in a file beside the model (TensorProto.data_location = EXTERNAL).</summary>
/// <param name="Tensor">Where the tensor sits, e.g. "initializer 'W'" or "attribute 'value' of node 'Constant_3'".</param>
/// <param name="Location">The relative path the model gives.</param>
/// <param name="Bytes">The size of that file, when it passed every path rule and could be measured.</param>
public sealed record ExternalDataReference(string Tensor, string Location, long? Bytes);

/// <summary>The largest value of a size (a dimension, an element count) and where it was seen, for messages.</summary>
public sealed record SizeFact(long Value, string Where);

/// <summary>
/// What reading the ONNX file statically found, before any runtime saw it: identity (SHA-256, bytes), versions,
/// opsets, graph size, tensor sizes, the external data files, and the problems that make the file unsafe whatever
/// the limits (a malformed message, a path leaving the model's folder, a link). Limits are applied by
/// <see cref="ModelInspectionLimits.Violations"/>, so the security check can judge the same facts with its own limits.
/// </summary>
public sealed record ModelInspection
{
    /// <summary>The model file as the submission names it.</summary>
    public required string Path { get; init; }

    /// <summary>Lower-case hex SHA-256 of the exact bytes inspected; null when the file was too big to read.</summary>
    public string? Sha256 { get; init; }

    public required long Bytes { get; init; }

    /// <summary>Whether the whole file was parsed; false after a malformed message or an oversized file.</summary>
    public bool Complete { get; init; }

    public long IrVersion { get; init; }

    public string? Producer { get; init; }

    public IReadOnlyList<OpsetImport> Opsets { get; init; } = [];

    /// <summary>Nodes in the main graph, its subgraphs (If, Loop, Scan bodies), training graphs and local functions.</summary>
    public long NodeCount { get; init; }

    /// <summary>The operator domains nodes use, "ai.onnx" for the default one, sorted.</summary>
    public IReadOnlyList<string> NodeDomains { get; init; } = [];

    /// <summary>The domains of the model-local functions.</summary>
    public IReadOnlyList<string> FunctionDomains { get; init; } = [];

    /// <summary>The largest single tensor dimension declared anywhere (shapes, initializers, constants); null when none.</summary>
    public SizeFact? LargestDimension { get; init; }

    /// <summary>The largest element count of a tensor (the product of its known dimensions); null when none.</summary>
    public SizeFact? LargestElementCount { get; init; }

    public IReadOnlyList<ExternalDataReference> ExternalData { get; init; } = [];

    /// <summary>The sizes of the distinct external data files, summed.</summary>
    public long ExternalBytes { get; init; }

    /// <summary>Problems that make the file unsafe or unreadable whatever the limits, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Every file the inspector opened, as full paths: only the model itself. Tests hold it to that.</summary>
    public IReadOnlyList<string> FilesOpened { get; init; } = [];
}
