namespace ModelCert.Policy.Yaml;

/// <summary>
/// The kind of file the safe reader is reading, named in its messages so that a submission's problems do not speak of
/// policies: "a submission file holds a single YAML document".
/// </summary>
internal sealed record DocumentKind(string Singular, string Plural)
{
    public static DocumentKind Policy { get; } = new("policy", "policies");

    public static DocumentKind Submission { get; } = new("submission", "submission files");
}
