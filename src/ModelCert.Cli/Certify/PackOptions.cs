namespace ModelCert.Cli.Certify;

/// <summary>
/// How certify writes its evidence: the workspace (keys and log), the signing key, whether a zip is written beside
/// the pack folder, and whether to skip the pack altogether (results-only mode: results.json, report.html and
/// model-card.md as loose files, nothing signed or logged).
/// </summary>
internal sealed record PackOptions(string? Workspace = null, string? KeyPath = null, bool Zip = false, bool NoPack = false)
{
    public static PackOptions Default { get; } = new();
}
