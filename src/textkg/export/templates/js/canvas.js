// ---- the canvas: vis-network draws one graph view at a time, laid out fresh and fitted ---------
var EDGE_FONT = 11;
var EDGE_CLICK_PIXELS = 8;  // vis finds edges within 10 canvas units, a hair's width when zoomed out
var DIM = "rgba(190,190,190,0.35)";

function createCanvas(container, model, handlers) {
  var nodes = new vis.DataSet(), edges = new vis.DataSet();
  var base = new Map();  // the undimmed look of each drawn node and edge
  var viewEdges = [];
  var generation = 0;
  var edgeLabels = false;
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, {
    autoResize: true,
    physics: {enabled: false, solver: "barnesHut", barnesHut: {gravitationalConstant: -2500, centralGravity: 0.9, springLength: 90, springConstant: 0.04, avoidOverlap: 0.5},
              stabilization: {enabled: true, iterations: 200, updateInterval: 1000, fit: false}},
    layout: {improvedLayout: false, randomSeed: 7},
    nodes: {borderWidth: 1, font: {size: 13, strokeWidth: 4, strokeColor: "#ffffff", color: "#1d1d1d"},
            scaling: {min: 8, max: 30, label: {enabled: true, min: 13, max: 22, drawThreshold: 4, maxVisible: 26}}},
    edges: {smooth: false, selectionWidth: 1, hoverWidth: 1,
            font: {size: 0, align: "middle", color: "#444444", strokeWidth: 3, strokeColor: "#ffffff"},
            color: {color: "#8a8a8a", highlight: "#4a4a4a", hover: "#4a4a4a"}, arrows: {to: {enabled: true, scaleFactor: 0.45}}},
    interaction: {hover: true, tooltipDelay: 250, multiselect: false, navigationButtons: false, keyboard: false}
  });

  function tooltip(text) { return el("div", text, "tip"); }
  function visNode(entry) {
    var item = entry.item, color = model.colorOf(item);
    var node = {id: item.id, value: entry.value, title: tooltip(item.label), color: {background: color, border: "#3a3a3a",
                highlight: {background: color, border: "#000000"}, hover: {background: color, border: "#000000"}}};
    if (item.kind === "entity") {
      node.shape = "dot";
      node.label = shortLabel(item.label, 36);
    } else {
      node.shape = item.kind === "event" ? "diamond" : "hexagon";
      node.label = shortLabel(item.label, 90);
      node.font = {size: 11, color: "#333333"};
      node.widthConstraint = {maximum: 190};
      node.scaling = {min: 9, max: 16, label: {enabled: false}};
      if (item.claimed) { node.shapeProperties = {borderDashes: [4, 3]}; node.borderWidth = 2; }
    }
    return node;
  }
  function visEdge(edge) {
    var out = {id: edge.id, from: edge.from, to: edge.to, label: edge.label};
    if (edge.kind === "link") {
      out.arrows = {to: {enabled: false}};
      out.width = 1 + Math.log2(edge.count);
      out.color = {color: "#9a9a9a", highlight: "#4a4a4a", hover: "#4a4a4a"};
    } else if (edge.kind === "relation") {
      out.width = 1 + 0.7 * Math.log2(edge.count);
    }
    if (edge.claimed) { out.dashes = [5, 4]; }
    return out;
  }

  // draw ``view`` laid out from scratch (nothing kept from the previous view), then fit it
  function show(view, done) {
    var mine = ++generation;
    network.setOptions({physics: {enabled: false}});
    nodes.clear(); edges.clear(); base.clear();
    viewEdges = view.edges;
    var visNodes = view.nodes.map(visNode), visEdges = view.edges.map(visEdge);
    visNodes.forEach(function (n) { base.set(n.id, n); });
    visEdges.forEach(function (e) { base.set("edge:" + e.id, e); });
    nodes.add(visNodes); edges.add(visEdges);
    function finish() {
      if (mine !== generation) { return; }
      network.setOptions({physics: {enabled: false}});
      network.fit({animation: false});
      done();
    }
    if (visNodes.length < 2) { finish(); return; }
    // fewer iterations for big views: the layout of a thousand nodes must not freeze the page
    var iterations = Math.max(40, Math.min(220, Math.round(40000 / visNodes.length)));
    network.once("stabilizationIterationsDone", finish);
    network.setOptions({physics: {enabled: true, stabilization: {enabled: true, iterations: iterations, updateInterval: iterations, fit: false}}});
    network.stabilize(iterations);
  }

  // the node, its neighbours and (through an event or claim) who else takes part stay; the rest dims
  function spotlight(id) {
    var keep = new Set([id]);
    var adjacent = function (nodeId) {
      return viewEdges.filter(function (e) { return e.from === nodeId || e.to === nodeId; })
        .map(function (e) { return e.from === nodeId ? e.to : e.from; });
    };
    adjacent(id).forEach(function (other) {
      keep.add(other);
      var item = model.get(other);
      if (item && item.kind !== "entity") { adjacent(other).forEach(function (x) { keep.add(x); }); }
    });
    restyle(function (nodeId) { return keep.has(nodeId); }, function (e) { return keep.has(e.from) && keep.has(e.to); });
    return keep;
  }
  function restyle(nodeLit, edgeLit) {
    nodes.update(nodes.getIds().map(function (nodeId) {
      var look = base.get(nodeId);
      if (nodeLit(nodeId)) { return {id: nodeId, color: look.color, font: look.font || {color: "#1d1d1d"}, opacity: 1}; }
      return {id: nodeId, color: {background: DIM, border: DIM}, font: {color: "rgba(0,0,0,0)"}, opacity: 0.35};
    }));
    edges.update(viewEdges.map(function (e) {
      var look = base.get("edge:" + e.id);
      return edgeLit(e) ? {id: e.id, color: look.color || {color: "#8a8a8a"}, font: {size: edgeLabels ? EDGE_FONT : 0}}
                        : {id: e.id, color: {color: DIM, opacity: 0.3}, font: {size: 0}};
    }));
  }
  function clearSpotlight() { restyle(function () { return true; }, function () { return true; }); }

  function select(id) {
    if (nodes.get(id)) {
      network.selectNodes([id]);
      spotlight(id);
    } else if (edges.get(id)) {
      network.selectEdges([id]);
      clearSpotlight();
    }
  }
  function mark(id) {  // selected, nothing dimmed
    if (nodes.get(id)) { network.selectNodes([id]); } else if (edges.get(id)) { network.selectEdges([id]); }
  }
  function setEdgeLabels(on) {
    edgeLabels = on;
    network.setOptions({edges: {font: {size: on ? EDGE_FONT : 0}}});
  }
  // the nearest edge within a few pixels of a click that hit nothing
  function edgeNear(pointer) {
    var positions = network.getPositions();
    var best = null, bestDistance = EDGE_CLICK_PIXELS;
    viewEdges.forEach(function (e) {
      if (e.from === e.to || !positions[e.from] || !positions[e.to]) { return; }
      var a = network.canvasToDOM(positions[e.from]), b = network.canvasToDOM(positions[e.to]);
      var dx = b.x - a.x, dy = b.y - a.y, length = dx * dx + dy * dy;
      var t = length ? Math.max(0, Math.min(1, ((pointer.x - a.x) * dx + (pointer.y - a.y) * dy) / length)) : 0;
      var distance = Math.hypot(a.x + t * dx - pointer.x, a.y + t * dy - pointer.y);
      if (distance < bestDistance) { best = e; bestDistance = distance; }
    });
    return best;
  }
  function edgeById(id) { return viewEdges.find(function (e) { return e.id === id; }) || null; }
  network.on("click", function (params) {
    if (params.nodes.length) { handlers.onNode(params.nodes[0]); return; }
    var edge = params.edges.length ? edgeById(params.edges[0]) : edgeNear(params.pointer.DOM);
    if (edge) { network.selectEdges([edge.id]); handlers.onEdge(edge); return; }
    clearSpotlight();
    handlers.onBackground();
  });
  network.on("doubleClick", function (params) { if (params.nodes.length) { handlers.onExpand(params.nodes[0]); } });
  return {
    network: network, show: show, select: select, mark: mark, setEdgeLabels: setEdgeLabels,
    drawn: function () { return nodes.getIds(); },
    fit: function () { network.fit({animation: false}); }
  };
}
