namespace ModelCert.Evidence.Tests.Support;

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Default = new(2026, 3, 14, 15, 9, 26, TimeSpan.Zero);

    public FixedTime()
        : this(Default)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
