namespace ModelCert.Cli.Certify;

/// <summary>
/// A test hook for the crash-safety tests: when <c>MODELCERT_TEST_CRASH_AT</c> names a point certify reaches, the
/// process ends there at once with <see cref="Environment.FailFast(string)"/>, as if killed: no finally block, no
/// cleanup. Points: <c>after-log-append</c> (the log entry is durable, the pack not yet written) and
/// <c>mid-pack-write</c> (some pack files are in the temporary folder). Unset, it does nothing.
/// </summary>
internal static class CrashHook
{
    public const string Variable = "MODELCERT_TEST_CRASH_AT";

    public static void At(string point)
    {
        if (string.Equals(Environment.GetEnvironmentVariable(Variable), point, StringComparison.Ordinal))
        {
            Environment.FailFast($"{Variable}={point}: simulated crash");
        }
    }
}
