namespace ModelCert.Data;

/// <summary>The file formats <see cref="DatasetReader"/> reads.</summary>
public enum DatasetFormat
{
    Csv,
    Parquet,
    JsonLines,
}
