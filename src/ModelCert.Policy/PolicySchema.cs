namespace ModelCert.Policy;

/// <summary>
/// The JSON Schema (draft 2020-12) of the policy format, as shipped in schemas/policy.schema.json, for editors
/// (<c># yaml-language-server: $schema=...</c>) and for a <c>modelcert policy schema</c> command to print.
/// </summary>
public static class PolicySchema
{
    public static string ReadText()
    {
        using var stream = typeof(PolicySchema).Assembly.GetManifestResourceStream("ModelCert.Policy.policy.schema.json")
            ?? throw new InvalidOperationException("The policy schema is not embedded in ModelCert.Policy; schemas/policy.schema.json was missing at build time.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
