using ModelCert.Core.Evaluation;
using ModelCert.Core.Requirements;
using ModelCert.Core.Tests.Checks.DataQuality;

namespace ModelCert.Core.Tests.Checks.Compliance;

/// <summary>A clock fixed at one instant, so retention dates are judged against a known "today".</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public static FixedTime On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));
}

/// <summary>Requirements with named parameters for the compliance tests.</summary>
internal static class ComplianceTestData
{
    public static RequirementParameters Parameters(params (string Name, object Value)[] values) =>
        new() { Values = values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal) };

    public static Requirement NoProblems(string check, RequirementParameters? parameters = null) =>
        TestRequirements.AtMost(check, 0, parameters, minSample: 30);

    public static ModelCardFields FullCard { get; } = new(
        "Pre-screening of loan applications", "Employment decisions", "Credit Risk", "risk@bank.example",
        "One country only", "Income proxies protected traits", "48,000 applications", "12,000 applications");
}
