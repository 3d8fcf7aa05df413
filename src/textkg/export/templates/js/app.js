// ---- the app: views, history, filters and the panel wired together -----------------------------
// A view is a plain state object: {view: "overview", size}, {view: "neighbourhood", ids, all},
// {view: "document", doc, focus}, {view: "claims"}, {view: "documents"} or {view: "timeline"}.
// Going to a view pushes it on the history; Back and Forward (Alt+← / Alt+→) walk it. Filters are
// not history: changing one redraws the current view (laid out afresh and fitted) and clears the
// panel when what it shows is now hidden.
var EDGE_LABELS_UP_TO = 30;  // views with more edges start without edge labels
var GRAPH_VIEWS = {overview: true, neighbourhood: true, document: true};

function startApp(data) {
  var body = document.body;
  var model = createModel(data);
  var filters = createFilters(model);
  var views = createGraphViews(model, filters);
  var $ = function (id) { return document.getElementById(id); };
  var current = null, history = [], at = -1;
  var lastGraph = {nodes: [], edges: []};

  var actions = {
    show: showItem,
    neighbourhood: function (id) { go({view: "neighbourhood", ids: [id], all: false}); showItem(id); },
    expand: function (id) {
      if (current.view === "neighbourhood" && current.ids.indexOf(id) < 0) { go({view: "neighbourhood", ids: current.ids.concat([id]), all: current.all}); showItem(id); }
    },
    canExpand: function (id) { return current !== null && current.view === "neighbourhood" && current.ids.indexOf(id) < 0 && model.get(id).kind === "entity"; },
    document: function (doc, span) { go({view: "document", doc: doc, focus: span ? [span] : []}); },
    setRange: function (from, to) { $("date-from").value = from; $("date-to").value = to; changeFilters({from: from, to: to}); },
    selectRow: function (box, tr) {
      box.querySelectorAll("tr.selected").forEach(function (row) { row.classList.remove("selected"); });
      tr.classList.add("selected");
    }
  };
  var panels = createPanels($("detail"), model, filters, actions);
  var reader = createReader($("reader"), model, actions);
  var canvas = createCanvas($("graph"), model, {
    onNode: showItem,
    onEdge: function (edge) { if (edge.kind === "link") { panels.showLink(edge); } else { panels.show(edge.fact); } },
    onBackground: function () { reader.highlight(null); },
    onExpand: function (id) { if (actions.canExpand(id)) { actions.expand(id); } }
  });
  var claimsView = createClaimsView($("claims-view"), model, filters, actions);
  var documentsView = createDocumentsView($("documents-view"), model, filters, actions);
  var timeline = createTimeline($("timeline-view"), model, filters, actions);
  createSearch($("search"), $("results"), model, actions);

  // the id under which the current graph view draws ``id`` (a relation is an edge), or null
  function drawnAs(id) {
    if (!GRAPH_VIEWS[current.view]) { return null; }
    var item = model.get(id);
    var edgeId = item && item.kind === "relation" ? "relation:" + id : id;
    if (canvas.drawn().indexOf(id) >= 0) { return id; }
    return lastGraph.edges.some(function (e) { return e.id === edgeId; }) ? edgeId : null;
  }
  function showItem(id) {
    panels.show(id);
    var item = model.get(id);
    if (!item) { return; }
    var drawnId = drawnAs(id);
    if (drawnId) { canvas.select(drawnId); }
    if (item.kind === "entity") { reader.highlight(id); }
  }

  // ---- views ----------------------------------------------------------------------------------
  function go(state) {
    history = history.slice(0, at + 1);
    history.push(state);
    at = history.length - 1;
    render(state);
  }
  function walk(step) {
    if (at + step < 0 || at + step >= history.length) { return; }
    at += step;
    render(history[at]);
  }
  function setTitle(text, note, buttons) {
    $("view-title").textContent = text;
    $("view-note").textContent = note || "";
    $("view-actions").replaceChildren();
    append($("view-actions"), buttons || []);
  }
  function render(state) {
    current = state;
    body.dataset.view = state.view;
    body.dataset.busy = "true";
    $("back").disabled = at <= 0;
    $("forward").disabled = at >= history.length - 1;
    document.querySelectorAll("#tabs button").forEach(function (tab) {
      tab.setAttribute("aria-selected", String(tab.dataset.view === state.view || (tab.dataset.view === "overview" && state.view === "neighbourhood")));
    });
    var graphView = Boolean(GRAPH_VIEWS[state.view]);
    $("graph").hidden = !graphView;
    $("reader").hidden = state.view !== "document";
    ["claims", "documents", "timeline"].forEach(function (name) { $(name + "-view").hidden = state.view !== name; });
    $("graph-tools").hidden = !graphView;
    if (!graphView) {
      ({claims: claimsView, documents: documentsView, timeline: timeline})[state.view].render();
      setTitle({claims: "Claims", documents: "Documents", timeline: "Timeline"}[state.view], state.view === "claims" ? "who said what; click a row to open the claim" : "");
      settle();
      return;
    }
    var graph = state.view === "overview" ? views.overview(state.size)
      : state.view === "neighbourhood" ? views.neighbourhood(state.ids, state.all) : views.document(state.doc);
    describe(state, graph);
    if (state.view === "document") { reader.render(state.doc, state.focus); }
    lastGraph = graph;
    $("edge-labels").checked = graph.edges.length <= EDGE_LABELS_UP_TO;  // small views read their edges
    canvas.setEdgeLabels($("edge-labels").checked);
    canvas.show(graph, settle);
  }
  function describe(state, graph) {
    var counts = graph.nodes.length + " nodes, " + graph.edges.length + " edges";
    if (state.view === "overview") {
      var more = graph.hidden > 0 ? button("Show " + Math.min(model.settings.overview, graph.hidden) + " more", function () {
        go({view: "overview", size: state.size + model.settings.overview});
      }, "action") : null;
      setTitle("Overview", "the " + graph.nodes.length + " most connected of " + graph.total + " entities" +
               (filters.state.foldConcepts ? " (Concepts folded away)" : "") + "; " + counts, [more]);
    } else if (state.view === "neighbourhood") {
      var names = state.ids.map(function (id) { return model.get(id).label; });
      var all = graph.hidden > 0 ? button("Show " + graph.hidden + " more facts", function () {
        go({view: "neighbourhood", ids: state.ids, all: true});
      }, "action") : null;
      setTitle("Neighbourhood of " + names[0], (names.length > 1 ? "expanded: " + names.slice(1).join(", ") + "; " : "") + counts +
               "; double-click an entity to expand", [all]);
    } else {
      var doc = model.documents[state.doc];
      setTitle("Document " + (doc.title || doc.id), counts + "; click a highlighted name");
    }
  }
  // the view is drawn: re-select what the panel shows, or clear the panel if it is now hidden
  function settle() {
    var shown = panels.shown();
    var item = shown ? model.get(shown) : null;
    if (shown && GRAPH_VIEWS[current.view]) {
      var drawnId = drawnAs(shown);
      if (!drawnId) { panels.clear("What the panel showed is not in this view (filters or view changed)."); }
      else if (item && current.view === "neighbourhood") { canvas.select(drawnId); }  // its neighbours lit, the rest dimmed
      else if (item) { canvas.mark(drawnId); }
      if (item && item.kind === "entity") { reader.highlight(shown); }
    } else if (item && ((item.kind !== "entity" && !filters.factVisible(item)) || (item.kind === "entity" && !filters.typeVisible(item)))) {
      panels.clear("What the panel showed is hidden by the filters.");
    }
    body.dataset.busy = "false";
    body.dataset.renders = String(Number(body.dataset.renders || 0) + 1);
    if (!body.dataset.ready) {
      body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
      body.dataset.ready = "true";
    }
  }
  function changeFilters(changes) {
    filters.set(changes);
    render(current);
  }

  // ---- controls -------------------------------------------------------------------------------
  $("back").addEventListener("click", function () { walk(-1); });
  $("forward").addEventListener("click", function () { walk(1); });
  document.addEventListener("keydown", function (ev) {
    if (ev.altKey && ev.key === "ArrowLeft") { ev.preventDefault(); walk(-1); }
    if (ev.altKey && ev.key === "ArrowRight") { ev.preventDefault(); walk(1); }
  });
  document.querySelectorAll("#tabs button").forEach(function (tab) {
    tab.addEventListener("click", function () {
      go(tab.dataset.view === "overview" ? {view: "overview", size: model.settings.overview} : {view: tab.dataset.view});
    });
  });
  $("fit").addEventListener("click", canvas.fit);
  $("edge-labels").addEventListener("change", function (ev) { canvas.setEdgeLabels(ev.target.checked); });
  createFilterControls(model, filters, changeFilters);

  // what the browser tests read
  window.textkg = {
    model: model, filters: filters, network: canvas.network,
    view: function () { return current; },
    drawn: function () { return canvas.drawn(); },
    graph: function () { return lastGraph; },
    panelShows: panels.shown
  };
  // one article opens on its own view (graph beside text); a corpus on its overview
  go(model.documents.length === 1 ? {view: "document", doc: 0, focus: []} : {view: "overview", size: model.settings.overview});
}
