using System.Runtime.CompilerServices;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// The insertion-ordered hash table behind dict and set (Objects/dictobject.c keeps entries in insertion
/// order with a separate index array since 3.6). Keys compare with Python's equality for the value types
/// of the subset (1 == 1.0 == True) and by identity for everything else.
/// </summary>
internal sealed class PyDictTable
{
    private readonly Dictionary<PyObject, int> _index = new(KeyComparer.Instance);
    private readonly List<(PyObject? Key, PyObject? Value)> _entries = [];

    public int Count => _index.Count;

    /// <summary>dk_nentries: entries used so far, deleted ones included (they still consume usable slots).</summary>
    public int EntriesUsed => _entries.Count;

    public bool TryGet(PyObject key, out PyObject? value)
    {
        if (_index.TryGetValue(key, out var i))
        {
            value = _entries[i].Value;
            return true;
        }

        value = null;
        return false;
    }

    public bool ContainsKey(PyObject key) => _index.ContainsKey(key);

    /// <summary>Sets the value; returns the previous value (null when the key is new).</summary>
    public PyObject? Set(PyObject key, PyObject? value, out bool isNew)
    {
        if (_index.TryGetValue(key, out var i))
        {
            var old = _entries[i].Value;
            _entries[i] = (_entries[i].Key, value);
            isNew = false;
            return old;
        }

        _index[key] = _entries.Count;
        _entries.Add((key, value));
        isNew = true;
        return null;
    }

    public bool Remove(PyObject key, out PyObject storedKey, out PyObject? value)
    {
        if (_index.Remove(key, out var i))
        {
            storedKey = _entries[i].Key!;
            value = _entries[i].Value;
            _entries[i] = (null, null);
            return true;
        }

        storedKey = null!;
        value = null;
        return false;
    }

    /// <summary>Drops deleted slots, as a resize does.</summary>
    public void Compact()
    {
        var live = Entries().ToList();
        _entries.Clear();
        _index.Clear();
        foreach (var (k, v) in live)
        {
            _index[k] = _entries.Count;
            _entries.Add((k, v));
        }
    }

    public List<(PyObject Key, PyObject? Value)> Entries()
    {
        var result = new List<(PyObject, PyObject?)>(_index.Count);
        foreach (var (k, v) in _entries)
        {
            if (k != null)
            {
                result.Add((k, v));
            }
        }

        return result;
    }

    public void Clear()
    {
        _entries.Clear();
        _index.Clear();
    }

    private sealed class KeyComparer : IEqualityComparer<PyObject>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(PyObject? x, PyObject? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            return x switch
            {
                PyInt a when y is PyInt b => a.Value == b.Value,
                PyInt a when y is PyFloat f => (double)a.Value == f.Value,
                PyFloat f when y is PyInt b => f.Value == (double)b.Value,
                PyFloat a when y is PyFloat b => a.Value == b.Value,
                PyStr a when y is PyStr b => a.Value == b.Value,
                PyTuple a when y is PyTuple b => a.Items.Length == b.Items.Length && a.Items.Zip(b.Items).All(p => Equals(p.First, p.Second)),
                _ => false,
            };
        }

        public int GetHashCode(PyObject obj) => obj switch
        {
            PyInt i => i.Value.GetHashCode(),
            PyFloat f => f.Value == Math.Floor(f.Value) && Math.Abs(f.Value) < 9e18 ? ((System.Numerics.BigInteger)f.Value).GetHashCode() : f.Value.GetHashCode(),
            PyStr s => s.Value.GetHashCode(StringComparison.Ordinal),
            PyTuple t => t.Items.Aggregate(17, (h, o) => (h * 31) + GetHashCode(o)),
            _ => RuntimeHelpers.GetHashCode(obj),
        };
    }
}
