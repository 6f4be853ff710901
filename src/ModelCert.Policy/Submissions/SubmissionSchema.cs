namespace ModelCert.Policy.Submissions;

/// <summary>
/// The JSON Schema (draft 2020-12) of <c>modelcert.yaml</c>, as shipped in schemas/submission.schema.json, for editors
/// (<c># yaml-language-server: $schema=...</c>) and for a command to print.
/// </summary>
public static class SubmissionSchema
{
    public static string ReadText()
    {
        using var stream = typeof(SubmissionSchema).Assembly.GetManifestResourceStream("ModelCert.Policy.submission.schema.json")
            ?? throw new InvalidOperationException("The submission schema is not embedded in ModelCert.Policy; schemas/submission.schema.json was missing at build time.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
