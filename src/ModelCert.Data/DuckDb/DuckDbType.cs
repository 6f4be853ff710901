namespace ModelCert.Data;

/// <summary>
/// DuckDB's <c>duckdb_type</c> enum. The numbers are DuckDB's ABI (new types are appended, so the order is not
/// alphabetical or by size); a value not listed here is a type newer than this binding knows.
/// </summary>
public enum DuckDbType
{
    Invalid = 0,
    Boolean = 1,
    TinyInt = 2,
    SmallInt = 3,
    Integer = 4,
    BigInt = 5,
    UTinyInt = 6,
    USmallInt = 7,
    UInteger = 8,
    UBigInt = 9,
    Float = 10,
    Double = 11,
    Timestamp = 12,
    Date = 13,
    Time = 14,
    Interval = 15,
    HugeInt = 16,
    Varchar = 17,
    Blob = 18,
    Decimal = 19,
    TimestampSeconds = 20,
    TimestampMilliseconds = 21,
    TimestampNanoseconds = 22,
    Enum = 23,
    List = 24,
    Struct = 25,
    Map = 26,
    Uuid = 27,
    Union = 28,
    Bit = 29,
    TimeTz = 30,
    TimestampTz = 31,
    UHugeInt = 32,
    Array = 33,
}
