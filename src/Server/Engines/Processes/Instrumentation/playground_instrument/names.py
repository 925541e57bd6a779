"""The names a student gave to what they made. `a, b = Lock(), Lock()` reports its locks as "Lock-a" and
"Lock-b" instead of by their semaphores' addresses, so the page can say "blocked on Lock-b".

A multiprocessing primitive is made through a method of its context (Lib/multiprocessing/context.py,
BaseContext.Lock ... BaseContext.Array), and the student's frame is, at that moment, executing the CALL
of the expression they wrote. In 3.11 every instruction carries its source span (co_positions(),
PEP 657), and the CALL's span is its ast.Call node's: the assignment around that node says which name
the result is bound to. The name is kept on every SemLock made during the call (an Event is a
Condition, its Lock and a Semaphore; a Queue has two Locks and a BoundedSemaphore): the names of
Event, Queue, Value and Array are derived from one of those (patches.ident), and the SemLock carries
its name through pickling to a spawn child (patches._synchronize)."""
import ast
import itertools
import multiprocessing
import os
import sys
import threading

_tl = threading.local()
_bindings = {}
_taken = {}
_elements = {}

# BaseContext's factories that a student calls: each makes a primitive that the events name
FACTORIES = ("Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition", "Event", "Barrier", "Queue",
             "JoinableQueue", "SimpleQueue", "Pipe", "Value", "Array")


def current():
    """The name being given by the factory call in progress on this thread, or None."""
    return getattr(_tl, "name", None)


def install():
    from multiprocessing import context

    base = context.BaseContext
    for factory in FACTORIES:
        setattr(base, factory, _naming(getattr(base, factory)))
    # multiprocessing/__init__.py copied the default context's bound methods into the module at import
    # (globals().update(...)); copy the wrapped ones, so `from multiprocessing import Lock` gets them
    for factory in FACTORIES:
        try:
            setattr(multiprocessing, factory, getattr(context._default_context, factory))
        except Exception:
            pass


def _naming(factory):
    def named(self, *args, **kwargs):
        # a factory called from inside another (Event's Condition, Value's RLock) is part of that one
        if current() is not None:
            return factory(self, *args, **kwargs)
        try:
            _tl.name = _name_for(sys._getframe(1))
        except Exception:
            _tl.name = None
        if _tl.name is None:
            return factory(self, *args, **kwargs)
        try:
            return factory(self, *args, **kwargs)
        finally:
            _tl.name = None

    named.__name__, named.__qualname__, named.__doc__ = factory.__name__, factory.__qualname__, factory.__doc__
    return named


def _name_for(frame):
    """What the student's statement binds the call to ("a", "self.lock", "locks[1]"), else "line 7";
    None when the caller is not the student's script. A name made twice gets "#2"; one made in a
    child process says whose it is, since the parent (or a sibling) may make one by the same name."""
    if frame.f_globals.get("__name__") not in ("__main__", "__mp_main__"):
        return None
    code = frame.f_code
    # f_lasti is a byte offset; co_positions() has one entry per 2-byte code unit
    span = next(itertools.islice(code.co_positions(), frame.f_lasti // 2, None))
    bound = _bound_names(code.co_filename).get(span)
    if bound is None:
        name = f"line {span[0] or frame.f_lineno}"
    elif bound.endswith("[]"):
        # a comprehension's elements, in the order they are made
        name = f"{bound[:-2]}[{_elements.get(bound, 0)}]"
        _elements[bound] = _elements.get(bound, 0) + 1
    else:
        name = bound
    count = _taken.get(name, 0) + 1
    _taken[name] = count
    if count > 1:
        name = f"{name}#{count}"
    if _in_a_child(frame):
        name = f"{name} (pid {os.getpid()})"
    return name


def _in_a_child(frame):
    """A fork child knows its parent once BaseProcess._bootstrap has run. A spawn or forkserver child
    imports the script again as __mp_main__ before that (spawn.prepare, which also gives it the parent's
    sys.argv), and a `lock = Lock()` at the top of the script makes there a new lock, not the parent's:
    it must not get the parent's name."""
    return multiprocessing.parent_process() is not None or frame.f_globals.get("__name__") == "__mp_main__"


def _bound_names(filename):
    """Every call of the file that an assignment binds, by its span (lineno, end_lineno, col_offset,
    end_col_offset): the target's source. A comprehension's element is its target with "[]" after it."""
    table = _bindings.get(filename)
    if table is not None:
        return table
    table = {}
    try:
        with open(filename, encoding="utf-8") as f:
            tree = ast.parse(f.read(), filename)
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                _bind(table, node.targets[0], node.value)
            elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
                _bind(table, node.target, node.value)
    except Exception:
        pass
    _bindings[filename] = table
    return table


def _bind(table, target, value):
    if isinstance(value, ast.Call):
        if isinstance(target, (ast.Tuple, ast.List)):
            # parent_conn, child_conn = Pipe(): both ends of one pipe
            table[_span(value)] = "↔".join(ast.unparse(t) for t in target.elts)
        else:
            table[_span(value)] = ast.unparse(target)
    elif isinstance(value, (ast.Tuple, ast.List)) and isinstance(target, (ast.Tuple, ast.List)) \
            and len(value.elts) == len(target.elts) and not any(isinstance(t, ast.Starred) for t in target.elts):
        for t, v in zip(target.elts, value.elts):
            _bind(table, t, v)
    elif isinstance(value, (ast.ListComp, ast.GeneratorExp)) and isinstance(value.elt, ast.Call) \
            and not isinstance(target, (ast.Tuple, ast.List)):
        table[_span(value.elt)] = ast.unparse(target) + "[]"


def _span(node):
    return node.lineno, node.end_lineno, node.col_offset, node.end_col_offset
