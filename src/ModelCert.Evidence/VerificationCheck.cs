namespace ModelCert.Evidence;

/// <summary>What became of one verification check.</summary>
public enum CheckOutcome
{
    /// <summary>The check held.</summary>
    Passed,

    /// <summary>The check failed: the evidence does not hold.</summary>
    Failed,

    /// <summary>The check was not run (for example no model file was given), or could not be because another failed first.</summary>
    Skipped,
}

/// <summary>
/// One check of a verification: a stable name (<c>file-hash</c>, <c>attestation-signature</c>, ...), its outcome,
/// the file it is about (relative to the pack or log, or null) and a sentence saying what was found.
/// </summary>
public sealed record VerificationCheck(string Name, CheckOutcome Outcome, string? File, string Message)
{
    public static VerificationCheck Pass(string name, string? file, string message) => new(name, CheckOutcome.Passed, file, message);

    public static VerificationCheck Fail(string name, string? file, string message) => new(name, CheckOutcome.Failed, file, message);

    public static VerificationCheck Skip(string name, string? file, string message) => new(name, CheckOutcome.Skipped, file, message);

    /// <summary>One line: outcome, name, file and message.</summary>
    public override string ToString()
    {
        var outcome = Outcome switch { CheckOutcome.Passed => "ok  ", CheckOutcome.Failed => "FAIL", _ => "skip" };
        return File is null ? $"{outcome} {Name}: {Message}" : $"{outcome} {Name} [{File}]: {Message}";
    }
}

/// <summary>The checks of one verification; it holds when none failed.</summary>
public sealed record VerificationReport(IReadOnlyList<VerificationCheck> Checks)
{
    /// <summary>Whether every check passed or was skipped.</summary>
    public bool Holds => Checks.All(c => c.Outcome != CheckOutcome.Failed);

    /// <summary>The failed checks, in the order they were made.</summary>
    public IReadOnlyList<VerificationCheck> Failures => Checks.Where(c => c.Outcome == CheckOutcome.Failed).ToList();

    /// <summary>The distinct files named by failed checks.</summary>
    public IReadOnlyList<string> FailedFiles => Failures.Where(c => c.File is not null).Select(c => c.File!).Distinct(StringComparer.Ordinal).ToList();
}
