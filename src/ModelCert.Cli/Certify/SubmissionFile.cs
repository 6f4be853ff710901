using ModelCert.Core.Evaluation;
using ModelCert.Policy.Submissions;

namespace ModelCert.Cli.Certify;

/// <summary>
/// Reads a <c>modelcert.yaml</c> submission with the policy project's safe parser and turns it into a
/// <see cref="Submission"/>: what the file leaves out keeps <see cref="Submission"/>'s defaults, paths stay as written
/// and resolve from the file's folder.
/// </summary>
internal static class SubmissionFile
{
    public const string DefaultOutputDirectory = "modelcert-results";

    /// <exception cref="Policy.PolicyException">The file is missing or has problems; lists each as file:line:column.</exception>
    public static Submission Load(string path) => ToSubmission(SubmissionParser.Load(path));

    private static Submission ToSubmission(SubmissionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var defaults = new Submission { DataPath = string.Empty, OutputDirectory = DefaultOutputDirectory };
        return defaults with
        {
            ModelPath = spec.Model?.File,
            ModelName = spec.Model?.Name,
            ModelVersion = spec.Model?.Version,
            Task = spec.Model?.Task,
            Threshold = spec.Model?.Threshold ?? defaults.Threshold,
            PositiveIndex = spec.Model?.PositiveIndex ?? defaults.PositiveIndex,
            Features = spec.Model?.Features,
            InputMap = Ordinal(spec.Model?.InputMap) ?? defaults.InputMap,
            ScoreColumn = spec.Predictions?.ScoreColumn,
            PredictionsPath = spec.Predictions?.File,
            IdColumn = spec.Predictions?.IdColumn,
            DataPath = spec.Data?.Test ?? defaults.DataPath,
            TrainPath = spec.Data?.Train,
            ShiftedPath = spec.Data?.Shifted,
            LabelColumn = spec.Data?.Label,
            PositiveValue = spec.Data?.Positive,
            Favourable = spec.Data?.Favourable ?? defaults.Favourable,
            Protected = spec.Protected?.Attributes ?? defaults.Protected,
            Intersections = spec.Protected?.Intersections ?? defaults.Intersections,
            Privileged = Ordinal(spec.Protected?.Privileged) ?? defaults.Privileged,
            Proxies = spec.Protected?.Proxies ?? defaults.Proxies,
            Provenance = spec.Provenance is { } p
                ? new DataProvenance(p.Source, p.CollectionPeriod, p.LegalBasis, p.ConsentColumn, p.RetentionUntil is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null)
                : defaults.Provenance,
            Card = spec.Card is { } c
                ? new ModelCardFields(c.IntendedUse, c.OutOfScopeUses, c.Owner, c.Contact, c.Limitations, c.EthicalConsiderations, c.TrainingData, c.EvaluationData)
                : defaults.Card,
            Policies = spec.Policies ?? defaults.Policies,
            Profile = spec.Evaluation?.Profile ?? defaults.Profile,
            Replicates = spec.Evaluation?.Replicates ?? defaults.Replicates,
            Confidence = spec.Evaluation?.Confidence ?? defaults.Confidence,
            Seed = spec.Evaluation?.Seed ?? defaults.Seed,
            RiskTier = spec.Context?.RiskTier,
            Jurisdiction = spec.Context?.Jurisdiction,
            OutputDirectory = spec.Output?.Directory ?? defaults.OutputDirectory,
            Format = spec.Output?.Format ?? defaults.Format,
            BaseDirectory = spec.BaseDirectory,
        };
    }

    private static Dictionary<string, string>? Ordinal(IReadOnlyDictionary<string, string>? map) =>
        map?.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
