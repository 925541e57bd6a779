namespace Playground.Engines.Memory.Runtime;

// The call stack as a viewer sees it. In 3.11 the frames of a thread are _PyInterpreterFrame records on
// its data stack (Python/ceval.c _PyEvalFramePushAndInit pushes, _PyEvalFrameClearAndPop pops); they are
// not objects, so the trace names them by function and lists the names bound in each.
internal sealed partial class Interpreter
{
    private readonly List<Frame> _callStack = [];

    /// <summary>The executing frames, the module's first.</summary>
    public IReadOnlyList<Frame> CallStack => _callStack;

    private void PushFrame(Frame frame) => _callStack.Add(frame);

    private void PopFrame(Frame frame)
    {
        var at = _callStack.LastIndexOf(frame);
        if (at >= 0)
        {
            _callStack.RemoveRange(at, _callStack.Count - at);
        }
    }
}
