namespace ModelCert.Core.Checks;

/// <summary>The type of a check parameter as a policy writes it.</summary>
public enum ParameterKind
{
    /// <summary>A whole number within [Min, Max].</summary>
    Integer,

    /// <summary>A finite number within [Min, Max].</summary>
    Number,

    /// <summary>A non-empty list of finite numbers, each within [Min, Max] (e.g. noise scales 0.01, 0.05, 0.1).</summary>
    Numbers,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A non-empty list of names (columns, kinds, domains); only <see cref="ParameterSpec.Choices"/> when it has any.</summary>
    Names,

    /// <summary>One of <see cref="ParameterSpec.Choices"/>.</summary>
    Choice,
}

/// <summary>
/// A check parameter's type and range, shared by the policy parser (which rejects anything else with the file and
/// line) and the checks (which read the value through <see cref="Requirements.RequirementParameters"/>).
/// </summary>
public sealed record ParameterSpec(string Name, ParameterKind Kind, string Description, double Min = double.MinValue, double Max = double.MaxValue)
{
    /// <summary>The allowed values: of a <see cref="ParameterKind.Choice"/>, or of each name of a <see cref="ParameterKind.Names"/> list (empty = any name).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public static ParameterSpec Integer(string name, int min, int max, string description) => new(name, ParameterKind.Integer, description, min, max);

    public static ParameterSpec Number(string name, double min, double max, string description) => new(name, ParameterKind.Number, description, min, max);

    public static ParameterSpec Numbers(string name, double min, double max, string description) => new(name, ParameterKind.Numbers, description, min, max);

    public static ParameterSpec Flag(string name, string description) => new(name, ParameterKind.Boolean, description);

    /// <summary>A list of names; with <paramref name="allowed"/>, each must be one of them (compared case-insensitively).</summary>
    public static ParameterSpec NameList(string name, string description, params string[] allowed) =>
        new(name, ParameterKind.Names, description) { Choices = allowed };

    public static ParameterSpec Choice(string name, string description, params string[] choices) =>
        new(name, ParameterKind.Choice, description) { Choices = choices };
}
