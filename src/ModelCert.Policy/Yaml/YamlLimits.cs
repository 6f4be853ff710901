namespace ModelCert.Policy.Yaml;

/// <summary>
/// Bounds on what a policy or submission file may be. Both are small, hand-written documents; anything past these
/// bounds is a mistake or an attack (deep nesting to exhaust the stack, node floods), and is refused before any typed
/// parsing.
/// </summary>
internal static class YamlLimits
{
    public const int MaxFileBytes = 1024 * 1024;

    public const int MaxDepth = 32;

    public const int MaxNodes = 10_000;

    public const int MaxExtendsDepth = 16;
}
