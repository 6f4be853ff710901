using System.Reflection;

using ModelCert.Core;

namespace ModelCert.Policy;

/// <summary>
/// The regulatory packs shipped inside this assembly (Packs/*.yaml), referenced as <c>builtin:NAME</c> from the command
/// line or from <c>extends</c>.
/// </summary>
public static class BuiltinPacks
{
    private const string Prefix = "ModelCert.Policy.Packs.";
    private const string Suffix = ".yaml";

    private static readonly Assembly Assembly = typeof(BuiltinPacks).Assembly;

    /// <summary>The pack names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^Suffix.Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The YAML text of pack <paramref name="name"/> (without the <c>builtin:</c> prefix).</summary>
    public static string ReadText(string name) =>
        TryReadBytes(name, out var bytes)
            ? new System.Text.UTF8Encoding(false).GetString(bytes)
            : throw new InputException(UnknownMessage(name));

    internal static string UnknownMessage(string name) =>
        $"unknown builtin policy '{name}'{Parsing.Suggestions.Hint(name, [.. Names], "builtins")}" is var message && message.EndsWith('?')
            ? $"{message} (builtins: {string.Join(", ", Names)})"
            : message;

    internal static bool TryReadBytes(string name, out byte[] bytes)
    {
        bytes = [];
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            return false;
        }

        using var stream = Assembly.GetManifestResourceStream(Prefix + name + Suffix)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        bytes = buffer.ToArray();
        return true;
    }
}
