namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// A generation: the circular doubly linked list of PyGC_Head (gc_prev/gc_next) that gcmodule.c keeps per
/// generation, so tracking and untracking are O(1) and collections visit objects in list order.
/// </summary>
internal sealed class GcList : IEnumerable<PyObject>
{
    private readonly PyNone _head = new(null!);

    public GcList()
    {
        _head.GcNext = _head;
        _head.GcPrev = _head;
    }

    public int Count { get; private set; }

    public void Add(PyObject o)
    {
        var last = _head.GcPrev!;
        last.GcNext = o;
        o.GcPrev = last;
        o.GcNext = _head;
        _head.GcPrev = o;
        Count++;
    }

    public void Remove(PyObject o)
    {
        o.GcPrev!.GcNext = o.GcNext;
        o.GcNext!.GcPrev = o.GcPrev;
        o.GcPrev = null;
        o.GcNext = null;
        Count--;
    }

    public void Clear()
    {
        _head.GcNext = _head;
        _head.GcPrev = _head;
        Count = 0;
    }

    /// <summary>
    /// Appends every object to <paramref name="into"/> in list order and empties the generation, walking the
    /// links directly: gc_collect_main's gc_list_merge of the younger generations, without an enumerator.
    /// </summary>
    public void MoveTo(List<PyObject> into)
    {
        for (var o = _head.GcNext!; !ReferenceEquals(o, _head); o = o.GcNext!)
        {
            into.Add(o);
        }

        Clear();
    }

    public IEnumerator<PyObject> GetEnumerator()
    {
        for (var o = _head.GcNext!; !ReferenceEquals(o, _head); o = o.GcNext!)
        {
            yield return o;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
