using System.Text;
using System.Text.Json;
using Playground.Shared.Processes;

namespace Playground.Engines.Processes;

/// <summary>Writes a validated event back as one JSON line in the channel's shape (kind, pid, name, ts, seq, then its fields).</summary>
public static class ProcessEventJson
{
    public static string ToLine(ProcessEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("kind", e.Kind);
            writer.WriteNumber("pid", e.Pid);
            writer.WriteString("name", e.Name);
            writer.WriteNumber("ts", e.Timestamp);
            writer.WriteNumber("seq", e.Sequence);
            foreach (var (key, value) in e.Data)
            {
                writer.WritePropertyName(key);
                value.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
