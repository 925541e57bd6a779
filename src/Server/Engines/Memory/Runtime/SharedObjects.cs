namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// Objects the interpreter shares among all code (the small ints -5..256 of Objects/longobject.c, the
/// interned strings of Objects/unicodeobject.c, None, True and False, builtin functions) are statically
/// allocated in 3.11, so the program never allocates them and the trace would not see them. A viewer still
/// has to draw the card a name or a container points at, so the first time one is referenced by a name or
/// by an object in the trace it joins the trace's heap, marked as shared; it never leaves it.
/// </summary>
internal static class SharedObjects
{
    /// <summary>
    /// Adds to <paramref name="live"/> and <paramref name="touched"/> every shared object that the frames'
    /// names or <paramref name="holders"/>' references reach and the trace has not seen yet.
    /// </summary>
    public static void Discover(Interpreter interp, IEnumerable<PyObject> holders, Dictionary<long, PyObject> live, HashSet<PyObject> touched)
    {
        foreach (var value in FrameCapture.Values(interp))
        {
            Add(value);
        }

        foreach (var holder in holders)
        {
            if (live.ContainsKey(holder.Id))
            {
                foreach (var (target, _) in ReferenceLabels.Describe(interp, holder))
                {
                    Add(target);
                }
            }
        }

        void Add(PyObject o)
        {
            if (o.Shared && live.TryAdd(o.Id, o))
            {
                touched.Add(o);
            }
        }
    }
}
