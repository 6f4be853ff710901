using ModelCert.Runtime.Onnx;

namespace ModelCert.Runtime.Tests.Support;

/// <summary>A file in its own temporary folder, deleted with the folder on dispose.</summary>
internal sealed class TempModel : IDisposable
{
    private readonly string _folder;

    private TempModel(string fileName, byte[] content)
    {
        _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "modelcert-runtime-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, fileName);
        File.WriteAllBytes(Path, content);
    }

    public string Path { get; }

    public string Folder => _folder;

    public static TempModel Of(OnnxModelBuilder builder, string fileName = "model.onnx") => new(fileName, builder.ToBytes());

    public static TempModel OfBytes(byte[] content, string fileName = "model.onnx") => new(fileName, content);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
