using System.Text.Json;
using System.Text.Json.Serialization;

namespace Playground.Shared.Hub;

/// <summary>
/// The hub's payloads, serialized by code generated at build time rather than by reflection. In the
/// browser .NET is interpreted and has no Reflection.Emit, so reflection-based System.Text.Json sets
/// every property of every record through MethodBase.Invoke: a 100,000-step trace took minutes to read.
/// Both ends put this context first in SignalR's JSON options (<see cref="JsonSerializerDefaults.Web"/>,
/// as SignalR's own), so it writes what reflection would. The big payloads, a trace's steps and
/// checkpoints and a run's events, travel as tables of rows over their strings (<see cref="StringTable"/>,
/// <see cref="Memory.TraceStepsJsonConverter"/>, <see cref="Processes.ProcessEventBatchJsonConverter"/>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Memory.MemoryTraceChunk))]
// What the trace's table converters write as the serializer does (Memory.TraceStepsJsonConverter).
[JsonSerializable(typeof(Memory.GcCollection))]
[JsonSerializable(typeof(Memory.GcState))]
[JsonSerializable(typeof(Memory.Allocation.AllocatorChange))]
[JsonSerializable(typeof(Memory.Allocation.AllocatorState))]
[JsonSerializable(typeof(IReadOnlyList<int>))]
[JsonSerializable(typeof(IReadOnlyList<Memory.TraceFrame>))]
[JsonSerializable(typeof(Processes.ProcessRunUpdate))]
[JsonSerializable(typeof(ServerInfo))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(bool))]
public sealed partial class HubJsonContext : JsonSerializerContext;
