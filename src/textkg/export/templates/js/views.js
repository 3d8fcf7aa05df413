// ---- graph views: which nodes and edges the overview, a neighbourhood or a document shows ------
// Each returns {nodes: [{item, value}], edges: [...], hidden: facts left out}; drawing is canvas.js's job.
var FACTS_PER_ENTITY = 40;  // a hub's neighbourhood starts with its most told facts

function createGraphViews(model, filters) {
  function visibleCount(fact) { return filters.visibleOccurrences(fact).length; }
  function byWeight(a, b) { return visibleCount(b) - visibleCount(a) || compare(a.label, b.label); }

  function viewBuilder() {
    var nodes = new Map(), edges = new Map();
    var self = {hidden: 0};
    self.node = function (item, value) {
      if (!nodes.has(item.id)) { nodes.set(item.id, {item: item, value: value || 1}); }
    };
    self.edge = function (edge) { if (!edges.has(edge.id)) { edges.set(edge.id, edge); } };
    // a fact with the players the filters let through; a relation is an edge, the others nodes
    self.fact = function (fact) {
      var count = visibleCount(fact);
      if (fact.kind === "relation") {
        var ends = fact.players.map(function (p) { return model.get(p.id); });
        if (!ends.every(filters.typeVisible)) { return; }
        ends.forEach(function (e) { self.node(e); });
        self.edge({id: "relation:" + fact.id, from: fact.subject, to: fact.object, kind: "relation", fact: fact.id, count: count,
                   claimed: fact.claimed, label: fact.predicate + (count > 1 ? " ×" + count : "")});
        return;
      }
      self.node(fact, count);
      fact.players.forEach(function (p) {
        var entity = model.get(p.id);
        if (!filters.typeVisible(entity)) { return; }
        self.node(entity);
        self.edge({id: "role:" + fact.id + ":" + p.role + ":" + p.id, from: fact.id, to: p.id, kind: "role", fact: fact.id,
                   claimed: fact.claimed, label: p.role});
      });
      if (fact.kind === "claim") {
        fact.reports.forEach(function (id) {
          var event = model.get(id);
          if (!event || !filters.factVisible(event)) { return; }
          self.fact(event);
          self.edge({id: "reports:" + fact.id + ":" + id, from: fact.id, to: id, kind: "role", fact: fact.id, claimed: true, label: "reports"});
        });
      }
    };
    // entities are sized by how many facts of the view they take part in
    self.result = function () {
      var degree = new Map();
      edges.forEach(function (e) { [e.from, e.to].forEach(function (id) { degree.set(id, (degree.get(id) || 0) + 1); }); });
      nodes.forEach(function (entry, id) { if (entry.item.kind === "entity") { entry.value = degree.get(id) || 1; } });
      return {nodes: Array.from(nodes.values()), edges: Array.from(edges.values()), hidden: self.hidden};
    };
    return self;
  }

  // the most connected entities, and one edge per pair of them that share facts
  function overview(size) {
    var visible = new Map();
    model.facts().forEach(function (f) { if (filters.factVisible(f)) { visible.set(f, visibleCount(f)); } });
    var ranked = model.entities.filter(function (e) {
      return filters.typeVisible(e) && !(filters.state.foldConcepts && e.broad === "Concept");
    }).map(function (e) {
      var facts = e.facts.filter(function (f) { return visible.has(f); }).length;
      var mentions = e.mentions.filter(function (m) { return filters.documentVisible(m[0]); }).length;
      return {item: e, facts: facts, mentions: mentions};
    }).filter(function (r) {  // an entity that takes part in no fact at all is shown for its mentions
      return r.facts > 0 || (r.mentions > 0 && r.item.facts.length === 0 && !filters.narrowsFacts());
    });
    ranked.sort(function (a, b) { return b.facts - a.facts || b.mentions - a.mentions || compare(a.item.label, b.item.label); });
    var top = ranked.slice(0, size);
    var shown = new Set(top.map(function (r) { return r.item.id; }));
    var links = new Map(), done = new Set();
    top.forEach(function (r) { r.item.facts.forEach(function (fact) {  // only facts that touch the overview
      if (!visible.has(fact) || done.has(fact)) { return; }
      done.add(fact);
      var count = visible.get(fact);
      var ids = model.participants(fact).filter(function (id) { return shown.has(id); }).sort();
      for (var i = 0; i < ids.length; i++) {
        for (var j = i + 1; j < ids.length; j++) {
          var key = ids[i] + "\u0000" + ids[j];
          var link = links.get(key) || {id: "link:" + key, from: ids[i], to: ids[j], kind: "link", facts: [], count: 0};
          link.facts.push(fact.id); link.count += count;
          links.set(key, link);
        }
      }
    }); });
    links.forEach(function (link) {
      var first = model.get(link.facts[0]);
      link.label = link.facts.length === 1 ? (first.predicate || first.cue) + (link.count > 1 ? " ×" + link.count : "") : plural(link.facts.length, "fact");
    });
    return {nodes: top.map(function (r) { return {item: r.item, value: r.facts}; }), edges: Array.from(links.values()),
            hidden: Math.max(0, ranked.length - size), total: ranked.length};
  }

  // the entities and facts of ``ids`` one fact away: their facts and who else takes part
  function neighbourhood(ids, allFacts) {
    var build = viewBuilder();
    ids.forEach(function (id) {
      var item = model.get(id);
      if (!item) { return; }
      if (item.kind !== "entity") { build.fact(item); return; }
      build.node(item);
      var facts = item.facts.filter(filters.factVisible).sort(byWeight);
      if (!allFacts && facts.length > FACTS_PER_ENTITY) { build.hidden += facts.length - FACTS_PER_ENTITY; facts = facts.slice(0, FACTS_PER_ENTITY); }
      facts.forEach(build.fact);
    });
    return build.result();
  }

  // everything one document says: every entity it mentions, every fact told in it
  function documentView(doc) {
    var build = viewBuilder();
    model.docEntities(doc).filter(filters.typeVisible).forEach(function (e) { build.node(e); });
    model.docFacts(doc).forEach(function (f) {
      var here = filters.visibleOccurrences(f).some(function (o) { return o.doc === doc; });
      if (here && filters.factVisible(f)) { build.fact(f); }
    });
    return build.result();
  }
  return {overview: overview, neighbourhood: neighbourhood, document: documentView};
}
