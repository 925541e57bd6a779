using System.Numerics;

namespace Playground.Engines.Memory.Runtime;

/// <summary>
/// The order a set prints and iterates in. A CPython set is a plain open-addressing hash table
/// (Objects/setobject.c, 3.11), not an insertion-ordered one like dict: iteration walks the slots, so
/// the order is that of hash(key) &amp; mask, moved along by collisions: set_add_entry probes up to
/// LINEAR_PROBES (9) slots after the home slot, then jumps by i = i * 5 + 1 + (perturb >>= 5). An int
/// hashes to itself (modulo 2**61 - 1, Python/pyhash.c; -1 becomes -2), so <c>{3, 1, 2}</c> prints as
/// <c>{1, 2, 3}</c>. The keys are placed again, in insertion order, in a table of the set's current size,
/// which is where CPython's table has them unless collisions were resolved differently before a resize.
/// String hashes are SipHash of the bytes with a per-process key, so a set holding anything but ints
/// keeps insertion order.
/// </summary>
internal static class SetIterationOrder
{
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;

    // PySet_MINSIZE: the table inside the set object; it holds up to four keys before the first resize.
    private const int SmallTableSize = 8;
    private const int MaxKeysOfSmallTable = 4;

    // Python/pyhash.c _PyHASH_MODULUS: 2**61 - 1.
    private static readonly BigInteger HashModulus = (BigInteger.One << 61) - 1;

    public static IEnumerable<PyObject> Keys(PySet set)
    {
        var keys = set.Table.Entries().Select(e => e.Key).ToList();
        return keys.Count < 2 || !keys.All(k => k is PyInt) ? keys : Place(keys, set.TableSize);
    }

    /// <summary>
    /// A display of three or more constants (<c>{5, 9, 1, 13}</c>) is compiled to a frozenset constant and
    /// SET_UPDATE. That frozenset was built twice: once from the items as written, then again from its own
    /// order when the compiler merged constants (merge_consts_recursive, Python/compile.c), and the empty
    /// set of the same size copies its slots (set_merge). Returns the items (owned references, duplicates
    /// last) in the first build's order, so that placing them once more gives CPython's slots. Displays
    /// of more than four keys are left as written: there the new set's table is smaller than the
    /// frozenset's and is refilled slot by slot, which the model's table size does not follow.
    /// </summary>
    public static PyObject[] ConstantDisplayOrder(PyObject[] items)
    {
        if (items.Length < 3 || !items.All(k => k is PyInt))
        {
            return items;
        }

        var distinct = new List<PyObject>();
        var duplicates = new List<PyObject>();
        foreach (var item in items)
        {
            (distinct.Any(d => ((PyInt)d).Value == ((PyInt)item).Value) ? duplicates : distinct).Add(item);
        }

        return distinct.Count > MaxKeysOfSmallTable ? items : [.. Place(distinct, SmallTableSize), .. duplicates];
    }

    /// <summary>The keys (ints) in slot order after inserting them in the given order into a table of that size.</summary>
    private static List<PyObject> Place(IReadOnlyList<PyObject> keys, int tableSize)
    {
        var mask = tableSize - 1;
        var slots = new PyObject?[tableSize];
        foreach (var key in keys)
        {
            var hash = Hash((PyInt)key);
            var perturb = unchecked((ulong)hash);
            var i = (int)(hash & mask);
            while (true)
            {
                var probes = i + LinearProbes <= mask ? LinearProbes : 0;
                var j = i;
                var placed = false;
                for (var p = 0; p <= probes; p++, j++)
                {
                    if (slots[j] == null)
                    {
                        slots[j] = key;
                        placed = true;
                        break;
                    }
                }

                if (placed)
                {
                    break;
                }

                perturb >>= PerturbShift;
                i = (int)(unchecked(((ulong)i * 5) + 1 + perturb) & (ulong)mask);
            }
        }

        return [.. slots.Where(s => s != null).Select(s => s!)];
    }

    /// <summary>long_hash (Objects/longobject.c): the value modulo 2**61 - 1 with its sign; -1 is -2.</summary>
    private static long Hash(PyInt i)
    {
        long h;
        if (!i.IsBig && i.Small > -((1L << 61) - 1) && i.Small < (1L << 61) - 1)
        {
            h = i.Small;
        }
        else
        {
            var v = i.Value;
            var r = BigInteger.Remainder(BigInteger.Abs(v), HashModulus);
            h = (long)(v.Sign < 0 ? -r : r);
        }

        return h == -1 ? -2 : h;
    }
}
