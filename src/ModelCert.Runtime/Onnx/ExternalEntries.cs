using System.Text;

namespace ModelCert.Runtime.Onnx;

/// <summary>
/// A tensor's external_data entries (StringStringEntryProto: key 1, value 2). The keys ONNX defines are
/// <c>location</c>, <c>offset</c>, <c>length</c> and <c>checksum</c>; a repeated key is kept as a count so the rules can refuse it.
/// </summary>
internal sealed class ExternalEntries
{
    public string? Location { get; private set; }

    public int Locations { get; private set; }

    public string? Offset { get; private set; }

    public string? Length { get; private set; }

    public int Count { get; private set; }

    public void Add(ref ProtobufReader entry)
    {
        string? key = null;
        string? value = null;
        while (entry.TryReadTag(out var field, out var wire))
        {
            if (field is 1 or 2)
            {
                entry.Expect(field, wire, WireType.LengthDelimited);
                var text = Encoding.UTF8.GetString(entry.ReadBytes());
                if (field == 1)
                {
                    key = text;
                }
                else
                {
                    value = text;
                }
            }
            else
            {
                entry.Skip(wire);
            }
        }

        Count++;
        switch (key)
        {
            case "location":
                Location = value ?? string.Empty;
                Locations++;
                break;
            case "offset":
                Offset = value ?? string.Empty;
                break;
            case "length":
                Length = value ?? string.Empty;
                break;
            default:
                break;
        }
    }
}
