using System.Globalization;
using System.Text.RegularExpressions;

using ModelCert.Runtime.Interop;

namespace ModelCert.Runtime;

/// <summary>Running the model on one batch.</summary>
public sealed partial class OnnxSession
{
    /// <summary>
    /// Runs the model. Inputs are checked against the declared inputs first (names, element types, shapes and element
    /// counts), with every problem reported in one <see cref="ArgumentException"/>. Outputs come back in the order
    /// requested; <paramref name="outputNames"/> null means every tensor output, in declaration order.
    /// </summary>
    public IReadOnlyList<OutputTensor> Run(IReadOnlyList<InputTensor> inputs, IReadOnlyList<string>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        RunChecks.CheckInputs(Inputs, inputs, ModelPath);
        var outputs = RunChecks.ResolveOutputs(Outputs, outputNames, ModelPath);
        var api = OrtApi.Instance;
        var bound = new List<BoundInput>(inputs.Count);
        var addedRef = false;
        try
        {
            _handle.DangerousAddRef(ref addedRef);
            foreach (var input in inputs)
            {
                bound.Add(input.Bind(api));
            }

            return Execute(api, inputs, bound, outputs);
        }
        finally
        {
            foreach (var input in bound)
            {
                input.Dispose();
            }

            if (addedRef)
            {
                _handle.DangerousRelease();
            }
        }
    }

    private unsafe OutputTensor[] Execute(OrtApi api, IReadOnlyList<InputTensor> inputs, List<BoundInput> bound, IReadOnlyList<string> outputs)
    {
        var inputNames = Utf8Block.Create([.. inputs.Select(i => i.Name)], i => $"input name {i}");
        var outputNames = Utf8Block.Create(outputs, i => $"output name {i}");
        var inputNamePointers = new nint[inputs.Count];
        var outputNamePointers = new nint[outputs.Count];
        var inputValues = bound.Select(b => b.Value.Pointer).ToArray();
        var outputValues = new nint[outputs.Count];
        nint status;
        fixed (byte* inputNameBytes = inputNames.Bytes)
        fixed (byte* outputNameBytes = outputNames.Bytes)
        fixed (nint* inputNameArray = inputNamePointers)
        fixed (nint* outputNameArray = outputNamePointers)
        fixed (nint* inputArray = inputValues)
        fixed (nint* outputArray = outputValues)
        {
            inputNames.FillPointers(inputNameBytes, inputNamePointers);
            outputNames.FillPointers(outputNameBytes, outputNamePointers);
            status = api.Run(
                _handle.Pointer, 0, inputNameArray, inputArray, (nuint)inputs.Count, outputNameArray, (nuint)outputs.Count, outputArray);
        }

        // Own every value ORT handed out before anything can throw, so all are released.
        var values = outputValues.Select(v => v == 0 ? null : new OrtValueHandle(v)).ToArray();
        try
        {
            if (status != 0)
            {
                var error = api.TakeError(status, $"running model '{ModelPath}'");
                throw OverLimit(error) ?? error;
            }

            var results = new OutputTensor[outputs.Count];
            for (var i = 0; i < results.Length; i++)
            {
                var value = values[i] ?? throw new OnnxRuntimeException($"running model '{ModelPath}': ONNX Runtime returned no value for output '{outputs[i]}'");
                results[i] = OutputTensor.Read(api, outputs[i], value);
            }

            return results;
        }
        finally
        {
            foreach (var value in values)
            {
                value?.Dispose();
            }
        }
    }

    /// <summary>
    /// A run the capped arena refused (ORT's BFC arena: "Available memory of A is smaller than requested bytes of R"),
    /// restated as the model needing more memory than the limit allows; null for any other failure.
    /// </summary>
    private OnnxRuntimeException? OverLimit(OnnxRuntimeException error)
    {
        if (_options.MemoryLimit is not { } limit || ArenaRefusal().Match(error.RuntimeMessage) is not { Success: true } match)
        {
            return null;
        }

        var node = NodeName().Match(error.RuntimeMessage) is { Success: true } named ? $" (node '{named.Groups["node"].Value}')" : string.Empty;
        var requested = long.Parse(match.Groups["requested"].Value, CultureInfo.InvariantCulture);
        var name = _options.MemoryLimitName;
        return new OnnxRuntimeException(
            error.ErrorCode,
            $"the model needs more memory than {name} of {MemorySize.Format(limit)} allows: it asked for {MemorySize.Format(requested)} at once{node}; raise {name} only for a model you trust",
            $"running model '{ModelPath}'");
    }

    [GeneratedRegex(@"Available memory of \d+ is smaller than requested bytes of (?<requested>\d{1,19})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ArenaRefusal();

    [GeneratedRegex(@"running (?<op>\w{1,100}) node\. Name:'(?<node>[^'\n]{0,200})'", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NodeName();
}
