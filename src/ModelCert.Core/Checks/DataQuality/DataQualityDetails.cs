namespace ModelCert.Core.Checks.DataQuality;

/// <summary>One column's completeness, as listed in the completeness check's details (worst first).</summary>
public sealed record ColumnCompleteness(string Column, long Present, long Rows, double Share);

/// <summary>A column with a single distinct value; <see cref="Value"/> is null when the column is entirely missing.</summary>
public sealed record ConstantColumn(string Column, string? Value);

/// <summary>One protected group's rows and share of the rows with a known group, as listed in details (smallest first).</summary>
public sealed record GroupShare(string Group, long Count, double Share);
