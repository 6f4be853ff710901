using YamlDotNet.Core;

namespace ModelCert.Policy.Yaml;

/// <summary>A 1-based line and column in a policy file, kept on every node so each diagnostic can point at its cause.</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The position of a whole-file problem (missing file, too large, not UTF-8).</summary>
    public static SourcePosition FileStart { get; } = new(1, 1);

    public static SourcePosition From(Mark mark) =>
        new((int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));
}
