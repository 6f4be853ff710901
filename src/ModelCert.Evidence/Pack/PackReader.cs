using ModelCert.Core;

namespace ModelCert.Evidence.Pack;

/// <summary>Reads named files of a pack folder or zip, for tools that use a pack's content (such as re-running its certification).</summary>
public static class PackReader
{
    /// <summary>The content of <paramref name="name"/> in the pack at <paramref name="pack"/>.</summary>
    /// <exception cref="InputException">There is no pack there, or it lacks the file, or the file cannot be read.</exception>
    public static byte[] Read(string pack, string name)
    {
        using var source = PackSource.Open(pack);
        return source.ReadAll(name, out var error) ?? throw new InputException($"evidence pack '{pack}': {error}");
    }
}
