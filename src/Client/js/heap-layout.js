// The heap graph's layout, and only that: node sizes and edges in, positions and edge routes out.
// Blazor draws the SVG. dagre ranks the graph left to right (frames first, then what they refer to),
// or top to bottom on a narrow screen, where ranks side by side would shrink the cards past reading;
// the last layout of each graph is remembered so that an object keeps its place from one step to
// the next unless the new layout would make it overlap another.
import dagre from "@dagrejs/dagre";

const previous = new Map();
const watchers = new Map();
const Gap = 16;

// MudBlazor's xs breakpoint: a phone held upright.
const Narrow = "(max-width: 599.98px)";

/**
 * Whether the screen is narrow now, and a call to `dotnet.OnNarrowChanged(narrow)` each time that changes
 * (a phone turned), until `unwatchNarrow(key)`.
 * @param {string} key which graph asks
 * @param {object} dotnet a DotNetObjectReference
 * @returns {boolean}
 */
export function watchNarrow(key, dotnet) {
  unwatchNarrow(key);
  const query = window.matchMedia(Narrow);
  const changed = () => dotnet.invokeMethodAsync("OnNarrowChanged", query.matches);
  query.addEventListener("change", changed);
  watchers.set(key, { query, changed });
  return query.matches;
}

/** @param {string} key */
export function unwatchNarrow(key) {
  const watcher = watchers.get(key);
  if (watcher) {
    watcher.query.removeEventListener("change", watcher.changed);
    watchers.delete(key);
  }
}

/**
 * Plain arrays in and out: the .NET side runs interpreted in the browser's WebAssembly, where reading
 * and writing objects through its reflection-based JSON cost more than dagre's own work.
 * @param {string} key which graph on the page this is (its previous positions are kept under it)
 * @param {string[]} ids the nodes
 * @param {number[]} sizes each node's width and height, in the order of `ids`
 * @param {number[]} edges each edge's from and to, as indexes into `ids`
 * @param {boolean} vertical ranks top to bottom instead of left to right
 * @returns {number[]} the drawing's width and height, each node's centre x and y in the order of
 *   `ids`, then for each edge in its order the number of points of its route and their x and y
 */
export function layout(key, ids, sizes, edges, vertical) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  // marginx is kept small: at 1280 px a frame and three ranks of cards must fit the view at a readable scale
  g.setGraph(vertical
    ? { rankdir: "TB", nodesep: 14, ranksep: 40, edgesep: 10, marginx: 6, marginy: 8 }
    : { rankdir: "LR", nodesep: 18, ranksep: 44, edgesep: 10, marginx: 6, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  ids.forEach((id, i) => g.setNode(id, { width: sizes[2 * i], height: sizes[2 * i + 1] }));
  for (let e = 0; e * 2 < edges.length; e++) {
    g.setEdge(ids[edges[2 * e]], ids[edges[2 * e + 1]], { width: 40, height: 12, labelpos: "c" }, String(e));
  }
  dagre.layout(g);
  packParts(g, ids, vertical);

  const before = previous.get(key) ?? new Map();
  const boxes = new Map();
  ids.forEach((id, i) => {
    const p = g.node(id);
    boxes.set(id, { x: p.x, y: p.y, width: sizes[2 * i], height: sizes[2 * i + 1], moved: false });
  });
  // Keep an old place when it collides with nothing in the new layout: no other box, and no route dagre
  // drew past it for an edge of others (a list kept beside a frame sat on the route of a name's arrow
  // to a card two ranks on, which then ran through it).
  const routes = [];
  for (let e = 0; e * 2 < edges.length; e++) {
    const v = ids[edges[2 * e]], w = ids[edges[2 * e + 1]];
    routes.push({ v, w, points: g.edge(v, w, String(e))?.points ?? [] });
  }
  for (const [id, box] of boxes) {
    const old = before.get(id);
    if (!old || (old.x === box.x && old.y === box.y)) continue;
    const candidate = { ...box, x: old.x, y: old.y };
    let free = true;
    for (const [other, b] of boxes) {
      if (other !== id && overlaps(candidate, b)) { free = false; break; }
    }
    for (const r of free ? routes : []) {
      if (r.v !== id && r.w !== id && crosses(r.points, candidate)) { free = false; break; }
    }
    if (free) {
      boxes.set(id, { ...candidate, moved: true });
    }
  }

  const kept = new Map();
  let width = 0, height = 0;
  const out = [0, 0];
  for (const id of ids) {
    const b = boxes.get(id);
    kept.set(id, { x: b.x, y: b.y });
    width = Math.max(width, b.x + b.width / 2 + Gap);
    height = Math.max(height, b.y + b.height / 2 + Gap);
    out.push(b.x, b.y);
  }
  previous.set(key, kept);
  out[0] = width;
  out[1] = height;

  for (let e = 0; e * 2 < edges.length; e++) {
    const v = ids[edges[2 * e]], w = ids[edges[2 * e + 1]];
    const from = boxes.get(v), to = boxes.get(w);
    const routed = g.edge(v, w, String(e))?.points ?? [];
    const points = edgePoints(routed, from, to, vertical);
    out.push(points.length);
    for (const p of points) {
      out.push(p.x, p.y);
    }
  }
  return out;
}

/**
 * The proportions packParts aims at beside the code, the stacking side's length over the other's: about
 * square (the graph's column is some 520 px wide and at most 640 tall).
 */
const PackedRatio = 1.0;

/**
 * On a phone held upright the parts are packed into rows no longer than this (in the drawing's units, a
 * card being 124): a 390-px screen leaves the graph's viewport 306 px, and the drawing shrinks to no
 * less than 0.85 of its size before it scrolls sideways (HeapGraph's MinReadableScaleOnPhone), which
 * makes 360 units. A row of two cycles fits where three made the graph 359 px wide. Rows then stack
 * down the page, which a phone scrolls anyway.
 */
const PhoneRowLength = 360;

/**
 * dagre stacks the graph's separate parts one after another across the ranks: the 15 two-list cycles a
 * collection frees made a column 15 pairs tall, which the view scaled down past reading. When a drawing
 * of three parts or more is over 1.5 times as long along that side as PackedRatio would have it, its
 * parts are packed into side-by-side columns, in dagre's order, as many as bring the drawing nearest
 * PackedRatio. Ranked top to bottom (a phone), the parts stand side by side across the screen: when
 * they run past PhoneRowLength they are packed into rows, as few as keep each row within it.
 * Each part moves whole, its edges' routes with it.
 * @param {object} g the graph dagre has laid out
 * @param {string[]} ids its nodes
 * @param {boolean} vertical ranks top to bottom (parts then sit side by side, and are packed into rows)
 */
function packParts(g, ids, vertical) {
  const root = new Map(ids.map(id => [id, id]));
  const find = id => {
    while (root.get(id) !== id) {
      root.set(id, root.get(root.get(id)));
      id = root.get(id);
    }
    return id;
  };
  for (const e of g.edges()) root.set(find(e.v), find(e.w));
  const members = new Map();
  for (const id of ids) {
    const r = find(id);
    if (!members.has(r)) members.set(r, []);
    members.get(r).push(id);
  }
  if (members.size < 3) return;

  // along: the side dagre stacks the parts on; across: the ranks' side
  const [along, across, alongSize, acrossSize] = vertical ? ["x", "y", "width", "height"] : ["y", "x", "height", "width"];
  const edgesOf = new Map();
  for (const e of g.edges()) {
    const r = find(e.v);
    if (!edgesOf.has(r)) edgesOf.set(r, []);
    edgesOf.get(r).push(g.edge(e));
  }
  const parts = [...members].map(([r, nodes]) => {
    const part = { nodes, edges: edgesOf.get(r) ?? [], lo: Infinity, hi: -Infinity, from: Infinity, to: -Infinity };
    for (const id of nodes) {
      const n = g.node(id);
      part.lo = Math.min(part.lo, n[along] - n[alongSize] / 2);
      part.hi = Math.max(part.hi, n[along] + n[alongSize] / 2);
      part.from = Math.min(part.from, n[across] - n[acrossSize] / 2);
      part.to = Math.max(part.to, n[across] + n[acrossSize] / 2);
    }
    for (const edge of part.edges) {
      for (const p of edge.points ?? []) {
        part.lo = Math.min(part.lo, p[along]);
        part.hi = Math.max(part.hi, p[along]);
      }
    }
    return part;
  }).sort((a, b) => a.lo - b.lo);
  const start = Math.min(...parts.map(p => p.lo)), startAcross = Math.min(...parts.map(p => p.from));
  const length = Math.max(...parts.map(p => p.hi)) - start;
  const breadth = Math.max(...parts.map(p => p.to)) - startAcross;
  if (vertical ? length <= PhoneRowLength : length <= breadth * 1.5 * PackedRatio) return;

  // columns of parts a little closer than ranks: no arrow crosses between them
  const gapAlong = vertical ? 14 : 18, gapAcross = 30;
  // n columns of about equal length, in dagre's order: a part starts the next column when it would run
  // further past the column's share than the column falls short of it without the part
  const pack = n => {
    const share = (length + gapAlong) / n - gapAlong;
    const columns = [];
    let column = null;
    for (const part of parts) {
      const size = part.hi - part.lo;
      const longer = column ? column.length + gapAlong + size : 0;
      if (!column || (columns.length < n && longer - share > share - column.length)) {
        column = { parts: [], length: -gapAlong, breadth: 0 };
        columns.push(column);
      }
      column.parts.push(part);
      column.length += gapAlong + size;
      column.breadth = Math.max(column.breadth, part.to - part.from);
    }
    const packedLength = Math.max(...columns.map(c => c.length));
    const packedBreadth = columns.reduce((sum, c) => sum + c.breadth, 0) + gapAcross * (columns.length - 1);
    return { columns, length: packedLength, ratio: packedLength / packedBreadth };
  };
  let best = null;
  for (let n = 2; n <= parts.length; n++) {
    const packed = pack(n);
    if (packed.columns.length < 2) continue;
    if (vertical) {
      // the fewest rows that each fit the phone's width (the most there are, if even those do not)
      best = packed;
      if (packed.length <= PhoneRowLength) break;
      continue;
    }
    if (!best || Math.abs(Math.log(packed.ratio / PackedRatio)) < Math.abs(Math.log(best.ratio / PackedRatio))) best = packed;
    if (packed.ratio < PackedRatio) break;
  }
  if (!best) return;

  let acrossAt = startAcross;
  for (const column of best.columns) {
    let alongAt = start;
    for (const part of column.parts) {
      const dAlong = alongAt - part.lo, dAcross = acrossAt - part.from;
      for (const id of part.nodes) {
        const n = g.node(id);
        n[along] += dAlong;
        n[across] += dAcross;
      }
      for (const edge of part.edges) {
        for (const p of edge.points ?? []) {
          p[along] += dAlong;
          p[across] += dAcross;
        }
      }
      alongAt += part.hi - part.lo + gapAlong;
    }
    acrossAt += column.breadth + gapAcross;
  }
}

/**
 * On a phone the graph may be wider than the screen and scrolls sideways: when the frame (where the names
 * are, the way into the graph) is out of sight, the viewport scrolls to bring it to the middle.
 * @param {HTMLElement} viewport the graph's scrolling element
 */
export function revealFrame(viewport) {
  const frame = viewport?.querySelector("[data-testid='heap-frame']");
  if (!frame) return;
  const v = viewport.getBoundingClientRect(), f = frame.getBoundingClientRect();
  if (f.left < v.left || f.right > v.right) {
    viewport.scrollLeft += f.left - v.left - Math.max(8, (v.width - f.width) / 2);
  }
}

/** Forgets a graph's previous positions (a new run). */
export function forget(key) {
  previous.delete(key);
}

/**
 * An edge's points: dagre's route, or, where an end kept its old place (dagre drew the route for the new
 * one), a straight edge; an edge that passes ranks on its way keeps its middle, dagre's way between the
 * boxes of those ranks, and only its ends move (a frame keeps its place more often than not, and every
 * name's arrow to a card two ranks on ran straight through the card between).
 */
function edgePoints(routed, from, to, vertical) {
  if (routed.length >= 2 && !from.moved && !to.moved) return routed;
  if (routed.length <= 3) return straight(from, to, vertical);
  const inner = routed.slice(1, -1);
  const first = inner[0], last = inner[inner.length - 1];
  const start = from.moved ? straight(from, { x: first.x, y: first.y, width: 0, height: 0 }, vertical)[0] : routed[0];
  const end = to.moved ? straight({ x: last.x, y: last.y, width: 0, height: 0 }, to, vertical)[1] : routed[routed.length - 1];
  return [start, ...inner, end];
}

/**
 * A straight edge between the sides of two boxes that face each other. The ranks run one way (left to
 * right, or top to bottom on a phone), but a box that kept its old place may sit beside, behind or
 * above the other: leaving by the side the ranks point to would double back across the box itself.
 */
function straight(from, to, vertical) {
  const apartX = to.x - to.width / 2 >= from.x + from.width / 2 || to.x + to.width / 2 <= from.x - from.width / 2;
  const apartY = to.y - to.height / 2 >= from.y + from.height / 2 || to.y + to.height / 2 <= from.y - from.height / 2;
  const across = vertical ? !apartY && apartX : apartX;
  if (across) {
    const sign = to.x > from.x ? 1 : -1;
    return [{ x: from.x + sign * from.width / 2, y: from.y }, { x: to.x - sign * to.width / 2, y: to.y }];
  }
  const sign = to.y > from.y ? 1 : -1;
  return [{ x: from.x, y: from.y + sign * from.height / 2 }, { x: to.x, y: to.y - sign * to.height / 2 }];
}

/** Whether the polyline `points` passes through the box (centre x, y, width, height). */
function crosses(points, box) {
  const left = box.x - box.width / 2, right = box.x + box.width / 2;
  const top = box.y - box.height / 2, bottom = box.y + box.height / 2;
  for (let i = 1; i < points.length; i++) {
    // Liang-Barsky: clip the segment to the box; something left means it passes through
    const p = points[i - 1], q = points[i];
    const dx = q.x - p.x, dy = q.y - p.y;
    let t0 = 0, t1 = 1, inside = true;
    for (const [pk, qk] of [[-dx, p.x - left], [dx, right - p.x], [-dy, p.y - top], [dy, bottom - p.y]]) {
      if (pk === 0) {
        if (qk < 0) { inside = false; break; }
      } else {
        const t = qk / pk;
        if (pk < 0) { t0 = Math.max(t0, t); } else { t1 = Math.min(t1, t); }
        if (t0 > t1) { inside = false; break; }
      }
    }
    if (inside) return true;
  }
  return false;
}

function overlaps(a, b) {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width + Gap && Math.abs(a.y - b.y) * 2 < a.height + b.height + Gap;
}
