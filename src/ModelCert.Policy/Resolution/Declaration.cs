using ModelCert.Core.Requirements;
using ModelCert.Policy.Loading;
using ModelCert.Policy.Parsing;
using ModelCert.Policy.Yaml;

namespace ModelCert.Policy.Resolution;

/// <summary>
/// One requirement as one policy declares it, with that policy's defaults applied. <see cref="Priority"/> orders
/// declarations from most to least specific (earlier references first, a child before its parents); it breaks ties.
/// </summary>
internal sealed record Declaration(LoadedPolicy Policy, RequirementSpec Requirement, int Priority, string? OutOfScopeReason)
{
    public bool InScope => OutOfScopeReason is null;

    public PolicyOrigin DeclaredAt => At(Requirement.Position);

    public double? Confidence => Requirement.Confidence ?? Policy.Document.Defaults.Confidence;

    public int? MinSample => Requirement.MinSample ?? Policy.Document.Defaults.MinSample;

    public FailAction? OnFail => Requirement.OnFail ?? Policy.Document.Defaults.OnFail;

    public UncertainAction? OnUncertain => Requirement.OnUncertain ?? Policy.Document.Defaults.OnUncertain;

    public PolicyOrigin At(SourcePosition position) => new(Policy.Name, Policy.Version, Policy.Origin, position.Line);

    /// <summary>"file:line" of <paramref name="position"/>, for messages.</summary>
    public string Location(SourcePosition position) => $"{Policy.Origin}:{Format.Number(position.Line)}";

    public PolicyDiagnostic Diagnostic(SourcePosition position, string message) => new(Policy.Origin, position.Line, position.Column, message);
}
