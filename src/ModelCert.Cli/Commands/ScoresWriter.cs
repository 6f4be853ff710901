using System.Globalization;
using System.Text;
using ModelCert.Runtime.Scoring;

namespace ModelCert.Cli.Commands;

/// <summary>Writes <c>row,label,score</c> lines; scores from float32 outputs keep float32's shortest round-trip text.</summary>
internal sealed class ScoresWriter(Stream stream, bool singlePrecision) : IDisposable
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
    private readonly char[] _buffer = new char[64];

    public long Rows { get; private set; }

    public void WriteHeader() => _writer.Write("row,label,score\n");

    public void Write(ScoredBatch batch)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            Append((batch.FirstRow + i).TryFormat(_buffer, out var n, default, CultureInfo.InvariantCulture), n);
            _writer.Write(',');
            if (batch.Labels is { } labels)
            {
                Append(labels[i].TryFormat(_buffer, out n, default, CultureInfo.InvariantCulture), n);
            }
            else
            {
                _writer.Write(batch.FormatLabel(i));
            }

            _writer.Write(',');
            var score = batch.Scores[i];
            var ok = singlePrecision
                ? ((float)score).TryFormat(_buffer, out n, "R", CultureInfo.InvariantCulture)
                : score.TryFormat(_buffer, out n, "R", CultureInfo.InvariantCulture);
            Append(ok, n);
            _writer.Write('\n');
        }

        Rows += batch.Count;
    }

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();

    private void Append(bool formatted, int length)
    {
        if (!formatted)
        {
            throw new InvalidOperationException("A number did not fit the format buffer.");
        }

        _writer.Write(_buffer, 0, length);
    }
}
