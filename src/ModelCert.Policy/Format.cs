using System.Globalization;

using ModelCert.Core.Requirements;

namespace ModelCert.Policy;

/// <summary>Culture-independent renderings shared by messages, the explainer and the lock file.</summary>
internal static class Format
{
    /// <summary>The shortest text that round-trips, with '.' decimals whatever the culture.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Name(FailAction action) => action switch
    {
        FailAction.Warn => "warn",
        FailAction.Review => "review",
        _ => "block",
    };

    public static string Name(UncertainAction action) => action switch
    {
        UncertainAction.Pass => "pass",
        UncertainAction.Warn => "warn",
        UncertainAction.Review => "review",
        _ => "fail",
    };

    /// <summary>"a.yaml:14" for a file, "builtin:four-fifths:14" for a pack.</summary>
    public static string Location(PolicyOrigin origin) => $"{origin.Origin}:{Number(origin.Line)}";

    /// <summary>"four-fifths 1.0.0 (builtin:four-fifths)".</summary>
    public static string Policy(PolicyOrigin origin) => $"{origin.Name} {origin.Version} ({origin.Origin})";
}
