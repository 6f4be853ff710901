using System.CommandLine;
using System.Globalization;
using ModelCert.Core;
using ModelCert.Core.Evaluation;

namespace ModelCert.Cli.Commands;

/// <summary>
/// The <c>certify</c> flags for the submission's <c>card:</c> and <c>provenance:</c> sections, so a one-liner can
/// satisfy the compliance checks. Each flag overrides only its own field of the file's section.
/// </summary>
internal sealed class ComplianceOptions
{
    private readonly Option<string?> _intendedUse = Text("--card-intended-use", "Model card: the intended use.");
    private readonly Option<string?> _outOfScope = Text("--card-out-of-scope-uses", "Model card: uses the model is not for.");
    private readonly Option<string?> _owner = Text("--card-owner", "Model card: the owning team or person.");
    private readonly Option<string?> _contact = Text("--card-contact", "Model card: whom to contact.");
    private readonly Option<string?> _limitations = Text("--card-limitations", "Model card: known limitations.");
    private readonly Option<string?> _ethics = Text("--card-ethical-considerations", "Model card: ethical considerations.");
    private readonly Option<string?> _trainingData = Text("--card-training-data", "Model card: the training data.");
    private readonly Option<string?> _evaluationData = Text("--card-evaluation-data", "Model card: the evaluation data.");
    private readonly Option<string?> _source = Text("--provenance-source", "Provenance: where the data came from.");
    private readonly Option<string?> _period = Text("--collection-period", "Provenance: when the data was collected (e.g. 2019-01 to 2023-12).");
    private readonly Option<string?> _legalBasis = Text("--legal-basis", "Provenance: the legal basis for holding the data (e.g. GDPR Art. 6(1)(f)).");
    private readonly Option<string?> _consentColumn = Text("--consent-column", "Provenance: the test-data column saying whether each row has consent.");
    private readonly Option<string?> _retention = Text("--retention-until", "Provenance: the last day the data may be kept, YYYY-MM-DD.");

    public IEnumerable<Option> All =>
        [_intendedUse, _outOfScope, _owner, _contact, _limitations, _ethics, _trainingData, _evaluationData, _source, _period, _legalBasis, _consentColumn, _retention];

    public ModelCardFields Card(ParseResult parse, ModelCardFields basis) => new(
        parse.GetValue(_intendedUse) ?? basis.IntendedUse,
        parse.GetValue(_outOfScope) ?? basis.OutOfScopeUses,
        parse.GetValue(_owner) ?? basis.Owner,
        parse.GetValue(_contact) ?? basis.Contact,
        parse.GetValue(_limitations) ?? basis.Limitations,
        parse.GetValue(_ethics) ?? basis.EthicalConsiderations,
        parse.GetValue(_trainingData) ?? basis.TrainingData,
        parse.GetValue(_evaluationData) ?? basis.EvaluationData);

    /// <exception cref="InputException">--retention-until is not a real date written YYYY-MM-DD.</exception>
    public DataProvenance Provenance(ParseResult parse, DataProvenance basis) => new(
        parse.GetValue(_source) ?? basis.Source,
        parse.GetValue(_period) ?? basis.CollectionPeriod,
        parse.GetValue(_legalBasis) ?? basis.LegalBasis,
        parse.GetValue(_consentColumn) ?? basis.ConsentColumn,
        parse.GetValue(_retention) is { } date ? ParseDate(date) : basis.RetentionUntil);

    private static DateOnly ParseDate(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InputException($"--retention-until '{text}' is not a date; expected a real calendar date written YYYY-MM-DD, e.g. 2030-12-31");

    private static Option<string?> Text(string name, string description) => new(name) { Description = description };
}
