// The heap graph's layout, and only that: node sizes and edges in, positions and edge routes out.
// Blazor draws the SVG. dagre ranks the graph left to right (frames first, then what they refer to),
// and the last layout of each graph is remembered so that an object keeps its place from one step to
// the next unless the new layout would make it overlap another.
import dagre from "@dagrejs/dagre";

const previous = new Map();
const Gap = 16;

/**
 * @param {string} key which graph on the page this is (its previous positions are kept under it)
 * @param {{nodes: {id: string, width: number, height: number}[], edges: {from: string, to: string, name: string}[]}} graph
 * @returns {{nodes: {id: string, x: number, y: number}[], edges: {name: string, points: {x: number, y: number}[]}[], width: number, height: number}}
 */
export function layout(key, graph) {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 18, ranksep: 44, edgesep: 10, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    g.setNode(n.id, { width: n.width, height: n.height });
  }
  for (const e of graph.edges) {
    if (g.hasNode(e.from) && g.hasNode(e.to)) {
      g.setEdge(e.from, e.to, { width: 40, height: 12, labelpos: "c" }, e.name);
    }
  }
  dagre.layout(g);

  const before = previous.get(key) ?? new Map();
  const boxes = new Map();
  for (const n of graph.nodes) {
    const p = g.node(n.id);
    boxes.set(n.id, { x: p.x, y: p.y, width: n.width, height: n.height, moved: false });
  }
  // Keep an old place when it collides with nothing in the new layout.
  for (const [id, box] of boxes) {
    const old = before.get(id);
    if (!old || (old.x === box.x && old.y === box.y)) continue;
    const candidate = { ...box, x: old.x, y: old.y };
    let free = true;
    for (const [other, b] of boxes) {
      if (other !== id && overlaps(candidate, b)) { free = false; break; }
    }
    if (free) {
      boxes.set(id, { ...candidate, moved: true });
    }
  }

  const kept = new Map();
  let width = 0, height = 0;
  for (const [id, b] of boxes) {
    kept.set(id, { x: b.x, y: b.y });
    width = Math.max(width, b.x + b.width / 2 + Gap);
    height = Math.max(height, b.y + b.height / 2 + Gap);
  }
  previous.set(key, kept);

  const edges = g.edges().map(e => {
    const from = boxes.get(e.v), to = boxes.get(e.w);
    const routed = g.edge(e).points ?? [];
    // A node that kept its old place gets a straight edge; dagre's route was drawn for the new place.
    const points = from.moved || to.moved || routed.length < 2
      ? [{ x: from.x + from.width / 2, y: from.y }, { x: to.x - to.width / 2, y: to.y }]
      : routed.map(p => ({ x: p.x, y: p.y }));
    return { name: e.name, points };
  });
  return {
    nodes: [...boxes].map(([id, b]) => ({ id, x: b.x, y: b.y })),
    edges,
    width,
    height,
  };
}

/** Forgets a graph's previous positions (a new run). */
export function forget(key) {
  previous.delete(key);
}

function overlaps(a, b) {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width + Gap && Math.abs(a.y - b.y) * 2 < a.height + b.height + Gap;
}
