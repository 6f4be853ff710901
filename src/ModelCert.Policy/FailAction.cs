namespace ModelCert.Policy;

/// <summary>What a failed requirement does to the verdict, from mildest to strictest; the order is what "strictest wins" compares.</summary>
public enum FailAction
{
    /// <summary>Reported; the model can still be certified.</summary>
    Warn,

    /// <summary>A reviewer must look at it before the model is certified.</summary>
    Review,

    /// <summary>The model is rejected.</summary>
    Block,
}
