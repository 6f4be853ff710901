using ModelCert.Core.Checks.Security;
using ModelCert.Runtime.Onnx;

namespace ModelCert.Runtime.Tests.Inspection;

/// <summary>A temporary root holding <c>model/</c> (the model's folder) and <c>outside/</c> (what it must not reach).</summary>
internal sealed class ModelFolder : IDisposable
{
    public ModelFolder()
    {
        Root = Directory.CreateTempSubdirectory("modelcert-inspection-").FullName;
        Folder = Directory.CreateDirectory(Path.Combine(Root, "model")).FullName;
        Outside = Directory.CreateDirectory(Path.Combine(Root, "outside")).FullName;
    }

    public string Root { get; }

    public string Folder { get; }

    public string Outside { get; }

    public string ModelPath => Path.Combine(Folder, "model.onnx");

    public string Save(OnnxModelBuilder builder)
    {
        builder.Save(ModelPath);
        return ModelPath;
    }

    public string SaveBytes(byte[] bytes)
    {
        File.WriteAllBytes(ModelPath, bytes);
        return ModelPath;
    }

    /// <summary>A file of <paramref name="bytes"/> zero bytes at <paramref name="relative"/> inside the model's folder.</summary>
    public string Data(string relative, int bytes = 16)
    {
        var path = Path.Combine(Folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, new byte[bytes]);
        return path;
    }

    public ModelInspection Inspect(ModelInspectionLimits? limits = null) => OnnxInspector.Inspect(ModelPath, limits);

    public IReadOnlyList<string> Violations(ModelInspectionLimits? limits = null) =>
        (limits ?? ModelInspectionLimits.Default).Violations(Inspect(limits));

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>The test models' logistic regression with its coefficients (3 x 1 floats) kept in an external file.</summary>
    public static OnnxModelBuilder WithExternalWeights(params (string Key, string Value)[] entries) =>
        new OnnxModelBuilder()
            .Opset(string.Empty, 13)
            .Input("x", TensorElementType.Float, -1, 3)
            .Initializer("W", OnnxTensor.External(TensorElementType.Float, [3, 1], entries))
            .Node("MatMul", ["x", "W"], ["y"])
            .Output("y", TensorElementType.Float, -1, 1);
}
