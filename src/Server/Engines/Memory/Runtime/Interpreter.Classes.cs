namespace Playground.Engines.Memory.Runtime;

// A class statement's class (type_new in Objects/typeobject.c), what CPython makes along with it that
// the model does not draw, and the free lists those dicts and tuples come from and go back to.
internal sealed partial class Interpreter
{
    /// <summary>
    /// A class statement's class, before its body runs: the namespace the body fills (type.__prepare__'s
    /// dict) and the type object. The rest type_new makes once the body has run (<see cref="BuildClass"/>).
    /// </summary>
    /// <param name="baseNamed">The statement names its base: __build_class__ slices it out of its arguments
    /// into the __bases__ tuple, before the namespace; without one, type_new makes <c>(object,)</c>.</param>
    public PyType NewClass(string name, PyType baseType, bool baseNamed)
    {
        var bases = baseNamed ? HiddenTupleAlloc(1) : 0;
        var ns = HiddenDictAlloc();
        GcAlloc();
        var t = Register(new PyType(Types.Type, name, baseType, true) { Module = "__main__", NamespaceAddress = ns, BasesAddress = bases });
        foreach (var own in t.OwnStructures)
        {
            Incref(t, Why.HeldByOwnClass, own);
        }

        Incref(baseType, Why.BaseClass, name);
        Incref(baseType, Why.HeldBySubclass, name + ".__bases__");
        foreach (var ancestor in t.Ancestors)
        {
            Incref(ancestor, Why.HeldBySubclass, name + ".__mro__");
        }

        Gc.Track(t);
        return t;
    }

    /// <summary>
    /// The body has run: <c>type(name, bases, namespace)</c> is called with its arguments in a tuple
    /// (_PyObject_MakeTpCall), and type_new makes, in this order, tp_dict (a copy of the namespace), the
    /// __bases__ tuple if the statement named no base, the descriptors, the __mro__ tuple and the weak
    /// reference the base's tp_subclasses keeps (PyType_Ready's add_subclass, with that dict for the
    /// base's first subclass), then a copy of tp_dict that type_new_set_names walks and lets go of; then
    /// the arguments and the namespace are let go of. Each counts towards the next collection unless a
    /// free list gives it, and the order decides which: python3 3.11 counts 10 for a first
    /// <c>class A: pass</c> after gc.collect() (the free lists empty), 7 for the next, 5 or 6 for a
    /// subclass (Corpus/gc_count_classes.py).
    /// </summary>
    public void BuildClass(PyType t)
    {
        var args = HiddenTupleAlloc(3);
        t.DictAddress = HiddenDictAlloc();
        if (t.BasesAddress == 0)
        {
            t.BasesAddress = HiddenTupleAlloc(1);
        }

        for (var i = 1; i < t.SelfHeld; i++)
        {
            GcAlloc();
        }

        t.MroAddress = HiddenTupleAlloc(t.MroLength);
        GcAlloc();
        if (t.Base is { IsHeapType: true } b)
        {
            if (b.SubclassesDictAddress == 0)
            {
                b.SubclassesDictAddress = HiddenDictAlloc();
            }

            b.Subclasses++;
        }

        HiddenDictFree(HiddenDictAlloc());
        HiddenTupleFree(3, args);
        HiddenDictFree(t.NamespaceAddress);
        t.NamespaceAddress = 0;
    }

    /// <summary>type_dealloc: what type_new made for the class goes back to the free lists or pymalloc.</summary>
    private void FreeClassStructures(PyType t)
    {
        if (t.NamespaceAddress != 0)
        {
            // its body raised: type_new never ran, and __build_class__ let go of what it had made
            HiddenDictFree(t.NamespaceAddress);
            t.NamespaceAddress = 0;
            if (t.BasesAddress != 0)
            {
                HiddenTupleFree(1, t.BasesAddress);
                t.BasesAddress = 0;
            }
        }

        if (t.DictAddress == 0)
        {
            return;
        }

        HiddenDictFree(t.DictAddress);
        HiddenTupleFree(1, t.BasesAddress);
        for (var i = 1; i < t.SelfHeld; i++)
        {
            Gc.OnGcDel();
        }

        // remove_subclass: the weak reference in the base's tp_subclasses, and the dict once it is empty
        Gc.OnGcDel();
        if (t.Base is { IsHeapType: true } b && --b.Subclasses == 0 && b.SubclassesDictAddress != 0)
        {
            HiddenDictFree(b.SubclassesDictAddress);
            b.SubclassesDictAddress = 0;
        }

        if (t.SubclassesDictAddress != 0)
        {
            HiddenDictFree(t.SubclassesDictAddress);
        }

        t.DictAddress = t.BasesAddress = t.SubclassesDictAddress = 0;
    }

    /// <summary>A dict CPython makes and the model does not draw: from the free list if it holds one, else a new one the collector counts.</summary>
    private ulong HiddenDictAlloc()
    {
        if (_dictFree > 0)
        {
            _dictFree--;
            return _dictFreeMemory.Pop();
        }

        GcAlloc();
        return Allocator.Malloc(64);
    }

    private void HiddenDictFree(ulong address)
    {
        if (!PushedOnDictFreeList(address))
        {
            Allocator.Free(address);
            Gc.OnGcDel();
        }
    }

    /// <summary>dict_dealloc: onto the free list while it has room (its memory kept, not counted as freed).</summary>
    private bool PushedOnDictFreeList(ulong address)
    {
        if (_dictFree >= DictFreeListMax)
        {
            return false;
        }

        _dictFree++;
        _dictFreeMemory.Push(address);
        return true;
    }

    /// <summary>A tuple of <paramref name="length"/> CPython makes and the model does not draw, as <see cref="NewTuple"/> takes it.</summary>
    private ulong HiddenTupleAlloc(int length)
    {
        if (length <= TupleFreeListSizes && _tupleFree[length] > 0)
        {
            _tupleFree[length]--;
            return _tupleFreeMemory[length].Pop();
        }

        GcAlloc();
        return Allocator.Malloc(40 + (8 * length));
    }

    private void HiddenTupleFree(int length, ulong address)
    {
        if (!PushedOnTupleFreeList(length, address))
        {
            Allocator.Free(address);
            Gc.OnGcDel();
        }
    }

    /// <summary>tupledealloc: onto the free list of its length while that has room (1 to 20 items, 2,000 each).</summary>
    private bool PushedOnTupleFreeList(int length, ulong address)
    {
        if (length > TupleFreeListSizes || _tupleFree[length] >= TupleFreeListMax)
        {
            return false;
        }

        _tupleFree[length]++;
        _tupleFreeMemory[length].Push(address);
        return true;
    }

    /// <summary>
    /// What of its own refers back to a class lets go of it, last made first, then its __mro__ (type_clear,
    /// or a class statement whose body raised).
    /// </summary>
    private void DropOwnStructures(PyType t, Why why)
    {
        for (var i = t.OwnStructures.Count - 1; i >= 0; i--)
        {
            Decref(t, why, t.OwnStructures[i]);
        }

        DropMro(t, why);
    }

    /// <summary>Py_CLEAR(type->tp_mro), once: the class's ancestors lose the place they had in it.</summary>
    private void DropMro(PyType t, Why why)
    {
        if (t.Cleared)
        {
            return;
        }

        t.Cleared = true;
        if (t.MroAddress != 0)
        {
            HiddenTupleFree(t.MroLength, t.MroAddress);
            t.MroAddress = 0;
        }

        foreach (var ancestor in t.Ancestors)
        {
            Decref(ancestor, why, t.Name + ".__mro__");
        }
    }
}
