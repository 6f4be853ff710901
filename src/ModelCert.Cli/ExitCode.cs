namespace ModelCert.Cli;

/// <summary>The process exit codes, documented in the README; scripts and CI depend on them.</summary>
internal static class ExitCode
{
    /// <summary>Success; for certify: certified or conditional.</summary>
    public const int Success = 0;

    /// <summary>A bug or an environment problem (for example a missing native engine).</summary>
    public const int InternalError = 1;

    /// <summary>Bad input or usage: a file, flag or value we cannot use. The message names it.</summary>
    public const int BadInput = 2;

    /// <summary>certify: the verdict is needs_review.</summary>
    public const int NeedsReview = 3;

    /// <summary>certify: the verdict is rejected.</summary>
    public const int Rejected = 4;

    /// <summary>verify: the evidence pack does not hold.</summary>
    public const int VerificationFailed = 5;

    /// <summary>certify --reproduce: the re-run measured something other than the pack records (or an input changed).</summary>
    public const int ReproductionDiffers = 6;
}
