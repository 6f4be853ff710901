using System.Globalization;

namespace ModelCert.Tests.Fuzzing;

/// <summary>
/// A seeded mutation fuzzer for ONNX model files. A third of the cases are byte-level corruptions (bit flips, byte
/// replacements, truncation, appended or inserted bytes, a huge varint length); the rest edit the parsed model
/// (<see cref="ProtoMessage"/>) the way a plausible but hostile file would: extreme tensor dimensions, raw data
/// shorter than the dimensions imply, unknown or string data types, inputs without a type, nodes reading missing
/// values, attribute elements set to extremes or lists cut short, huge repeated fields, opset and IR versions out of
/// range, wrong wire types and nested lengths that lie. The same seed gives the same cases.
/// </summary>
internal sealed partial class OnnxMutator(int seed)
{
    private static readonly long[] ExtremeIntegers = [0, -1, 1, 2, 3, int.MaxValue, 1L << 31, 1L << 32, 1L << 40, 1L << 62, long.MaxValue, long.MinValue, -(1L << 31)];
    private static readonly long[] DataTypes = [0, 1, 2, 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 21, 23, 99, -1];
    private static readonly float[] ExtremeFloats = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1e38f, -1e38f, -0f, 0f, 1e-45f];
    private static readonly string[] OpTypes =
    [
        "TreeEnsembleClassifier", "TreeEnsembleRegressor", "TreeEnsemble", "LinearClassifier", "LinearRegressor", "Normalizer", "OneHotEncoder",
        "Concat", "ZipMap", "Cast", "Identity", "ArgMax", "Softmax", "Reshape", "ConstantOfShape", "Expand", "Tile", "Unsqueeze", "Gather",
        "LabelEncoder", "CategoryMapper", "Scaler", "Imputer", "SVMClassifier", "Binarizer", "ArrayFeatureExtractor", "FeatureVectorizer",
        "DictVectorizer", "TopK", "Split", "Loop", "If", "Scan", "Einsum", "NoSuchOp",
    ];

    private readonly Random _random = new(seed);

    /// <summary>
    /// A mutated copy of <paramref name="model"/> (whose parse is <paramref name="parsed"/>, left unchanged) and a
    /// one-line description of what was done.
    /// </summary>
    public (byte[] Bytes, string Description) Mutate(byte[] model, ProtoMessage parsed)
    {
        if (_random.Next(3) == 0)
        {
            return ByteLevel(model);
        }

        var tree = parsed.Clone();
        var steps = _random.Next(5) == 0 ? _random.Next(2, 4) : 1;
        var done = new List<string>();
        for (var i = 0; i < steps; i++)
        {
            done.Add(Structured(tree));
        }

        return (tree.ToBytes(), string.Join("; ", done));
    }

    private (byte[] Bytes, string Description) ByteLevel(byte[] model)
    {
        var bytes = (byte[])model.Clone();
        switch (_random.Next(6))
        {
            case 0:
                var flips = _random.Next(1, 9);
                for (var i = 0; i < flips; i++)
                {
                    bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return (bytes, Invariant($"{flips} bit flips"));
            case 1:
                var replaced = _random.Next(1, 5);
                for (var i = 0; i < replaced; i++)
                {
                    bytes[_random.Next(bytes.Length)] = (byte)_random.Next(256);
                }

                return (bytes, Invariant($"{replaced} random bytes replaced"));
            case 2:
                var cut = _random.Next(1, bytes.Length);
                return (bytes[..cut], Invariant($"truncated to {cut} of {bytes.Length} bytes"));
            case 3:
                var tail = new byte[_random.Next(1, 65)];
                _random.NextBytes(tail);
                return ([.. bytes, .. tail], Invariant($"{tail.Length} random bytes appended"));
            case 4:
                var at = _random.Next(bytes.Length);
                byte[] huge = [0x3A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F];
                return ([.. bytes[..at], .. huge, .. bytes[at..]], Invariant($"a field with a 2^56 byte length inserted at byte {at}"));
            default:
                var where = _random.Next(bytes.Length);
                var inserted = new byte[_random.Next(1, 17)];
                _random.NextBytes(inserted);
                return ([.. bytes[..where], .. inserted, .. bytes[where..]], Invariant($"{inserted.Length} random bytes inserted at byte {where}"));
        }
    }

    private string Structured(ProtoMessage tree)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            // A failed attempt may already have replaced a message (Own copies it), so the list is taken afresh.
            var messages = tree.Descendants().ToList();
            var result = _random.Next(15) switch
            {
                13 => Entry(messages),
                0 => Dimension(messages),
                1 => TensorData(messages),
                2 => ValueType(messages),
                3 => NodeWiring(messages),
                4 or 5 or 6 => Attribute(messages),
                7 => Versions(messages),
                8 => GraphEdit(messages),
                9 => DeleteOrDuplicate(messages),
                10 => HugeRepeat(messages),
                11 => Corrupt(messages),
                12 => NodeKind(messages),
                _ => Attribute(messages),
            };
            if (result is not null)
            {
                return result;
            }
        }

        return "nothing changed";
    }

    private static string Name(ProtoMessage message) => message.Type switch
    {
        "Node" => $"node '{message.Text(3)}' ({message.Text(4)})",
        "Tensor" => $"tensor '{message.Text(8)}'",
        "Input" or "Output" => $"{message.Type.ToLowerInvariant()} '{message.Text(1)}'",
        _ => message.Type.ToLowerInvariant(),
    };

    private static string Text(ProtoField field) => System.Text.Encoding.UTF8.GetString(field.Bytes);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
