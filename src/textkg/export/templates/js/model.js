// ---- the model: the page data with the indexes every view reads ---------------------------------
// Entities, events, claims and relations ("facts") are looked up by id. Every fact has players
// ({role, id} of entities) and occurrences ({doc, date, evidence, trigger, claim}); a claim is one
// occurrence in its document. Each entity knows its facts; each document its facts and mentions.
function createModel(data) {
  var byId = new Map();
  var docFacts = data.documents.map(function () { return []; });
  var docEntities = data.documents.map(function () { return new Set(); });
  var legend = {};
  data.legend.forEach(function (entry, order) { legend[entry.name] = {color: entry.color, shape: entry.shape, order: order}; });

  data.entities.forEach(function (e) {
    e.kind = "entity";
    e.facts = [];
    e.said = [];  // claims whose speaker it is
    e.mentions.forEach(function (m) { docEntities[m[0]].add(e.id); });
    e.docs = Array.from(new Set(e.mentions.map(function (m) { return m[0]; })));
    byId.set(e.id, e);
  });
  function addFact(fact, kind, players) {
    fact.kind = kind;
    // the page data leaves out fields at their usual value
    fact.claimed = Boolean(fact.claimed);
    fact.polarity = fact.polarity || "positive";
    fact.modality = fact.modality || "asserted";
    fact.players = players.filter(function (p) { return byId.has(p.id); });
    fact.docs = Array.from(new Set(fact.occurrences.map(function (o) { return o.doc; })));
    fact.docs.forEach(function (d) { docFacts[d].push(fact); });
    var seen = new Set();
    fact.players.forEach(function (p) {
      if (!seen.has(p.id)) { seen.add(p.id); byId.get(p.id).facts.push(fact); }
    });
    byId.set(fact.id, fact);
  }
  data.events.forEach(function (f) {
    addFact(f, "event", f.roles.map(function (r) { return {role: r[0], id: r[1]}; }));
    f.reportedBy = Array.from(new Set(f.occurrences.map(function (o) { return o.claim; }).filter(Boolean)));
  });
  data.claims.forEach(function (c) {
    c.occurrences = [{doc: c.doc, date: c.date, evidence: c.evidence}];
    var players = c.speakers.map(function (id) { return {role: "speaker", id: id}; })
      .concat(c.sources.map(function (id) { return {role: "source", id: id}; }));
    addFact(c, "claim", players);
    c.claimed = true;
    c.speakers.forEach(function (id) { if (byId.has(id)) { byId.get(id).said.push(c); } });
  });
  data.relations.forEach(function (r) {
    addFact(r, "relation", [{role: "subject", id: r.subject}, {role: "object", id: r.object}]);
  });

  var mentionIndex = null;  // per document: [start, end, entity id, kind] sorted, built on first use
  function mentionsIn(doc) {
    if (!mentionIndex) {
      mentionIndex = data.documents.map(function () { return []; });
      data.entities.forEach(function (e) {
        e.mentions.forEach(function (m) { mentionIndex[m[0]].push([m[1], m[2], e.id, m[3] || ""]); });
      });
      mentionIndex.forEach(function (list) { list.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; }); });
    }
    return mentionIndex[doc];
  }
  // the mentions of ``ids`` inside [start, end] of a document: who takes part, highlighted
  function marksOf(ids, doc, start, end) {
    var wanted = new Set(ids);
    return mentionsIn(doc).filter(function (m) { return m[0] >= start && m[1] <= end && wanted.has(m[2]); })
      .map(function (m) { return [m[0], m[1]]; });
  }
  // the entities a fact brings in: its players, and for a claim the players of what it reports
  function participants(fact) {
    var ids = fact.players.map(function (p) { return p.id; });
    if (fact.kind === "claim") {
      fact.reports.forEach(function (id) { var e = byId.get(id); if (e) { ids = ids.concat(e.players.map(function (p) { return p.id; })); } });
    }
    return Array.from(new Set(ids));
  }
  function colorOf(item) {
    var name = item.kind === "entity" ? item.broad : item.kind === "claim" ? "Claim" : "Event";
    return (legend[name] || {color: "#777777"}).color;
  }
  function docName(number) {
    var d = data.documents[number];
    return (d.title || d.id) + (d.source ? " — " + d.source : "") + (d.date ? ", " + d.date : "");
  }
  return {
    data: data, documents: data.documents, entities: data.entities, legend: legend, settings: data.settings,
    get: function (id) { return byId.get(id); },
    docFacts: function (doc) { return docFacts[doc]; },
    docEntities: function (doc) { return Array.from(docEntities[doc]).map(function (id) { return byId.get(id); }); },
    mentionsIn: mentionsIn, marksOf: marksOf, participants: participants, colorOf: colorOf, docName: docName,
    facts: function () { return data.events.concat(data.claims, data.relations); }
  };
}
