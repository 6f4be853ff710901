using System.Globalization;

using ModelCert.Evidence.Keys;
using ModelCert.Evidence.Merkle;

namespace ModelCert.Evidence.Log;

/// <summary>
/// A log's state at one size, as the text of a checkpoint (c2sp.org/tlog-checkpoint): the origin line, the tree size
/// in decimal, and the base64 root hash, each ending in a newline. It is published as a signed note whose key name is
/// the origin.
/// </summary>
public sealed record Checkpoint(string Origin, long TreeSize, byte[] RootHash)
{
    /// <summary>The checkpoint text: <c>origin\nsize\nbase64(root)\n</c>.</summary>
    public string ToText() => $"{Origin}\n{TreeSize.ToString(CultureInfo.InvariantCulture)}\n{Convert.ToBase64String(RootHash)}\n";

    /// <summary>Signs the checkpoint text as a note under the origin as key name.</summary>
    public string Sign(SigningKey key) => SignedNote.Sign(ToText(), Origin, key);

    /// <summary>Reads checkpoint text (extension lines after the root hash are allowed and ignored).</summary>
    public static Checkpoint? Parse(string text, out string? error)
    {
        var lines = text.Split('\n');
        error = "not a checkpoint: expected 'origin', 'tree size' and 'base64 root hash' lines";
        if (lines.Length < 4 || lines[^1].Length != 0 || lines[0].Length == 0)
        {
            return null;
        }

        if (lines[1].Length == 0 || lines[1].Any(c => c is < '0' or > '9') || (lines[1].Length > 1 && lines[1][0] == '0')
            || !long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            error = $"checkpoint tree size '{lines[1]}' is not a decimal number";
            return null;
        }

        if (StrictBase64.Decode(lines[2]) is not { Length: MerkleHash.Size } root)
        {
            error = $"checkpoint root hash '{lines[2]}' is not the base64 of {MerkleHash.Size} bytes";
            return null;
        }

        error = null;
        return new Checkpoint(lines[0], size, root);
    }

    /// <summary>
    /// Opens a signed checkpoint note: the checkpoint when its origin's signature by <paramref name="key"/> verifies,
    /// else null with <paramref name="error"/> saying why.
    /// </summary>
    public static Checkpoint? Open(string note, VerificationKey key, out string? error)
    {
        var parsed = SignedNote.Parse(note, out error);
        if (parsed is null)
        {
            return null;
        }

        var checkpoint = Parse(parsed.Value.Text, out error);
        if (checkpoint is null)
        {
            return null;
        }

        return SignedNote.Open(note, checkpoint.Origin, key, out error) is null ? null : checkpoint;
    }

    /// <summary>The root hash as base64, as in the text.</summary>
    public string RootBase64 => Convert.ToBase64String(RootHash);

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && TreeSize == other.TreeSize && RootHash.AsSpan().SequenceEqual(other.RootHash);

    public override int GetHashCode() => HashCode.Combine(Origin, TreeSize, RootBase64);
}
