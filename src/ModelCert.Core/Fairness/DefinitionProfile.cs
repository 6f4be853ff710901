namespace ModelCert.Core.Fairness;

/// <summary>
/// Whose definitions the fairness numbers follow, because peers disagree. Recorded in results.json.
/// </summary>
public enum DefinitionProfile
{
    /// <summary>A rate with a zero denominator is null and named in the message; aggregates use the defined rates. Difference = max - min, ratio = min / max over groups.</summary>
    Strict,

    /// <summary>Fairlearn's <c>between_groups</c>: a 0/0 rate is 0; difference = max - min, ratio = min / max over groups.</summary>
    Fairlearn,

    /// <summary>AIF360's: each unprivileged group against one named privileged group; difference = unprivileged - privileged, ratio = unprivileged / privileged. The worst group is reported.</summary>
    Aif360,
}
