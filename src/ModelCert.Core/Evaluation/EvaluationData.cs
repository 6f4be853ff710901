using ModelCert.Core.Checks.Security;
using ModelCert.Core.Fairness;
using ModelCert.Core.Frames;
using ModelCert.Core.Statistics;

namespace ModelCert.Core.Evaluation;

public enum ModelTask
{
    BinaryClassification,
    Regression,
}

/// <summary>
/// A protected attribute as group codes per row (-1 where the value is missing) and the group names.
/// An intersection is an attribute too, named <c>a|b</c> with groups <c>x|y</c>.
/// </summary>
public sealed record ProtectedAttribute(string Name, int[] Codes, IReadOnlyList<string> Groups);

/// <summary>
/// Everything a check may read, as shared columnar arrays: the test data, the decisions and scores, the labels,
/// the protected attributes, and how the model's inputs matched the data. Arrays are row-aligned with <see cref="Test"/>.
/// </summary>
public sealed partial class EvaluationData
{
    public required ModelTask Task { get; init; }

    /// <summary>The evaluation (test) data, as read.</summary>
    public required Frame Test { get; init; }

    /// <summary>The file <see cref="Test"/> came from, for messages.</summary>
    public string TestOrigin { get; init; } = "test data";

    /// <summary>The training data, when given (leakage, membership inference).</summary>
    public Frame? Train { get; init; }

    /// <summary>Classification: the training rows' labels (membership inference). Null without training data or labels.</summary>
    public bool[]? TrainTruth { get; init; }

    /// <summary>Regression: the training rows' targets.</summary>
    public double[]? TrainTarget { get; init; }

    /// <summary>
    /// Every column of the test data, when a requirement needs them all (the PII scan); <see cref="Test"/> holds only
    /// the columns certification reads. Null when nothing asked.
    /// </summary>
    public Frame? TestAllColumns { get; init; }

    /// <summary>The file <see cref="Train"/> came from, for messages.</summary>
    public string? TrainOrigin { get; init; }

    /// <summary>Every column of the training data, when the PII scan asks for it; <see cref="Train"/> holds only the shared columns.</summary>
    public Frame? TrainAllColumns { get; init; }

    /// <summary>Every column of the shifted set, when the PII scan asks for it; <see cref="Shifted"/> holds only the columns read.</summary>
    public Frame? ShiftedAllColumns { get; init; }

    /// <summary>What static inspection found in the model file before the runtime loaded it; null in predictions mode.</summary>
    public ModelInspection? Inspection { get; init; }

    public string? LabelColumn { get; init; }

    /// <summary>Classification: the label equals the positive value. Null without labels.</summary>
    public bool[]? Truth { get; init; }

    /// <summary>Regression: the numeric target. Null without labels.</summary>
    public double[]? Target { get; init; }

    /// <summary>The positive-class score, or the regression prediction.</summary>
    public double[]? Scores { get; init; }

    /// <summary>Classification decisions: score above the threshold.</summary>
    public bool[]? Predicted { get; init; }

    public double Threshold { get; init; } = 0.5;

    /// <summary>
    /// Which decision is favourable: fairness rates (<see cref="MetricSuite.Cells"/>), adverse-action reasons and
    /// remediation are measured on it. <see cref="Truth"/>, <see cref="Predicted"/> and <see cref="Scores"/> stay about
    /// the positive class.
    /// </summary>
    public FavourableOutcome Favourable { get; init; } = FavourableOutcome.Positive;

    public IReadOnlyList<ProtectedAttribute> Attributes { get; init; } = [];

    /// <summary>The data columns the model reads (empty in predictions mode without a feature list).</summary>
    public IReadOnlyList<string> FeatureColumns { get; init; } = [];

    /// <summary>Whether a model ran (false in predictions mode); checks that need one are skipped otherwise.</summary>
    public bool ModelRunnable { get; init; }

    /// <summary>Model inputs with no fitting column, one line each (empty when the schema fits).</summary>
    public IReadOnlyList<string> SchemaProblems { get; init; } = [];

    public DefinitionProfile Profile { get; init; } = DefinitionProfile.Strict;

    /// <summary>The privileged group per attribute (intersections included), for the aif360 profile.</summary>
    public IReadOnlyDictionary<string, string> Privileged { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public BootstrapOptions Bootstrap { get; init; } = new();

    /// <summary>The model, for checks that re-score changed data; null in predictions mode.</summary>
    public IFrameScorer? Model { get; init; }

    /// <summary>The model file as the submission names it (for messages), null in predictions mode.</summary>
    public string? ModelOrigin { get; init; }

    /// <summary>A shifted evaluation set (<c>--shifted</c>), with the columns the test data was read with.</summary>
    public Frame? Shifted { get; init; }

    /// <summary>The file <see cref="Shifted"/> came from, for messages.</summary>
    public string? ShiftedOrigin { get; init; }

    /// <summary>Classification: the shifted set's labels. Null without a shifted set or labels.</summary>
    public bool[]? ShiftedTruth { get; init; }

    /// <summary>Regression: the shifted set's targets.</summary>
    public double[]? ShiftedTarget { get; init; }

    /// <summary>Columns declared as proxies of protected attributes (counterfactual and attribution checks).</summary>
    public IReadOnlyList<string> Proxies { get; init; } = [];

    /// <summary>The declared provenance of the data (compliance checks).</summary>
    public DataProvenance Provenance { get; init; } = new(null, null, null, null, null);

    /// <summary>The declared model-card fields (compliance checks).</summary>
    public ModelCardFields Card { get; init; } = ModelCardFields.Empty;

    /// <summary>The clock checks read (retention dates, operational timings); injected so tests can fix it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The submission's risk tier (minimal, limited, high, unacceptable), null when not stated (model-card check).</summary>
    public string? RiskTier { get; init; }

    public int Rows => Test.RowCount;

    /// <summary>The shared measurements, computed on first use.</summary>
    public MetricSuite Metrics => _metrics ??= new MetricSuite(this);

    private MetricSuite? _metrics;

    public ProtectedAttribute? FindAttribute(string name) =>
        Attributes.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
