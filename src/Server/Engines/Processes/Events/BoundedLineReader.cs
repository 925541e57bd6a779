using System.Buffers;

namespace Playground.Engines.Processes.Events;

/// <summary>
/// Reads newline-terminated lines from an untrusted stream without ever holding more than
/// <see cref="MaxLineBytes"/> of one line: a longer line is skipped up to its newline and reported
/// as too long, so a process that never sends '\n' cannot make the server buffer without end.
/// </summary>
public sealed class BoundedLineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly ArrayBufferWriter<byte> _line = new();
    private int _start;
    private int _end;
    private bool _skipping;

    public int MaxLineBytes { get; } = maxLineBytes;

    /// <summary>The next line (without '\n'); <c>TooLong</c> for one that was skipped; null at the end of the stream.</summary>
    public async ValueTask<(ReadOnlyMemory<byte> Line, bool TooLong)?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var chunkEnd = newline >= 0 ? newline : _end;
            if (!_skipping)
            {
                if (_line.WrittenCount + (chunkEnd - _start) > MaxLineBytes)
                {
                    _skipping = true;
                    _line.Clear();
                }
                else
                {
                    _line.Write(_buffer.AsSpan(_start, chunkEnd - _start));
                }
            }

            if (newline >= 0)
            {
                _start = newline + 1;
                var tooLong = _skipping;
                _skipping = false;
                var line = _line.WrittenMemory.ToArray();
                _line.Clear();
                return (line, tooLong);
            }

            _start = _end = 0;
            var read = await stream.ReadAsync(_buffer, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            _end = read;
        }
    }
}
