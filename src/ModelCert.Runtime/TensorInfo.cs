namespace ModelCert.Runtime;

/// <summary>
/// One graph input or output as the session declares it. <see cref="Shape"/> uses -1 for a symbolic or unknown
/// dimension (usually the batch); for non-tensors <see cref="ElementType"/> is Undefined and the shape is empty.
/// Equality compares the shape element by element.
/// </summary>
public sealed record TensorInfo(string Name, OnnxValueKind Kind, TensorElementType ElementType, IReadOnlyList<long> Shape)
{
    public bool Equals(TensorInfo? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Kind == other.Kind
        && ElementType == other.ElementType
        && Shape.SequenceEqual(other.Shape);

    public override int GetHashCode() => HashCode.Combine(Name, Kind, ElementType, Shape.Count);

    /// <summary>Like <c>float [-1,3]</c>, for messages.</summary>
    public override string ToString() => Kind == OnnxValueKind.Tensor
        ? $"{Name}: {ElementType.ToString().ToLowerInvariant()} {Shapes.Format(Shape)}"
        : $"{Name}: {Kind.ToString().ToLowerInvariant()}";
}
