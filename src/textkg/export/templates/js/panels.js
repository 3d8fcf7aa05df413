// ---- the detail panel: what an entity, a fact or an overview link says, and the text behind it --
var LIST_STEP = 30;      // list items shown before "Show all"
var PASSAGE_STEP = 10;   // evidence passages shown before "Show all"

function createPanels(container, model, filters, actions) {
  var shown = null;  // id of what the panel shows

  function clear(message) {
    shown = null;
    container.replaceChildren(el("p", message || "Search, or click a node, an edge or a row, to see what it says and the sentences behind it.", "meta"));
  }
  function start(id, title) {
    shown = id;
    container.replaceChildren(el("h2", title));
  }
  function badge(text, color) {
    var node = el("span", text, "badge");
    if (color) { node.style.background = color; }
    return node;
  }
  function statusBadges(fact) {
    var out = [badge(fact.claimed ? "claimed" : "asserted", fact.claimed ? "#2b83ba" : "#555555")];
    if (fact.polarity === "negative") { out.push(badge("negative", "#b2182b")); }
    if (fact.modality && fact.modality !== "asserted") { out.push(badge(fact.modality, "#7a5195")); }
    return out;
  }
  function fields(pairs) {
    var dl = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "" || (Array.isArray(p[1]) && !p[1].length)) { return; }
      dl.appendChild(el("dt", p[0]));
      var dd = el("dd");
      if (p[1] instanceof Node) { dd.appendChild(p[1]); } else { dd.textContent = String(p[1]); }
      dl.appendChild(dd);
    });
    return dl;
  }
  function itemButton(id, text) {
    var item = model.get(id);
    return button(text || (item ? item.label : id), function () { actions.show(id); });
  }
  function itemList(ids) {
    var span = el("span");
    ids.forEach(function (id, i) { if (i) { span.appendChild(document.createTextNode(", ")); } span.appendChild(itemButton(id)); });
    return span;
  }
  function documentButton(doc, span) {
    return button(model.docName(doc), function () { actions.document(doc, span); }, "link doc");
  }
  // a heading with a count, then the first ``step`` items and a button for the rest
  function section(heading, items, render, step) {
    if (!items.length) { return; }
    container.appendChild(el("h3", heading + " (" + items.length + ")"));
    var list = el("ul", null, "plain");
    container.appendChild(list);
    function fill(count) {
      list.replaceChildren();
      items.slice(0, count).forEach(function (item) { list.appendChild(el("li")).appendChild(render(item)); });
      if (items.length > count) {
        list.appendChild(el("li")).appendChild(button("Show all " + items.length, function () { fill(items.length); }, "more"));
      }
    }
    fill(step || LIST_STEP);
  }
  // one evidence passage: its sentence with the marks, and the document it comes from
  function passage(doc, span, marks) {
    var bounds = passageBounds(model.documents[doc], span[0], span[1]);
    var box = append(el("div", null, "evidence"), passageNodes(model.documents[doc], bounds[0], bounds[1], marks));
    box.appendChild(documentButton(doc, span));
    return box;
  }
  // one passage per sentence: spans of one telling that fall in the same sentence share it
  function occurrencePassages(fact, occurrences, extraMarks) {
    var ids = model.participants(fact);
    var byPassage = new Map();
    occurrences.forEach(function (o) {
      o.evidence.forEach(function (span) {
        var marks = model.marksOf(ids, o.doc, span[0], span[1]).concat(o.trigger ? [o.trigger] : [], extraMarks || []);
        var key = o.doc + ":" + passageBounds(model.documents[o.doc], span[0], span[1]).join(":");
        if (byPassage.has(key)) { byPassage.get(key).marks = byPassage.get(key).marks.concat(marks); }
        else { byPassage.set(key, {doc: o.doc, span: span, marks: marks}); }
      });
    });
    return Array.from(byPassage.values());
  }
  function evidenceSection(fact, extraMarks) {
    var visible = filters.visibleOccurrences(fact);
    section("Evidence", occurrencePassages(fact, visible, extraMarks), function (p) { return passage(p.doc, p.span, p.marks); }, PASSAGE_STEP);
    if (visible.length < fact.occurrences.length) {
      container.appendChild(el("p", plural(fact.occurrences.length - visible.length, "telling") + " hidden by the filters", "meta"));
    }
  }
  function actionsRow(buttons) { return append(el("div", null, "actions"), buttons); }
  function roleOf(fact, entityId) {
    return Array.from(new Set(fact.players.filter(function (p) { return p.id === entityId; }).map(function (p) { return p.role; }))).join(", ");
  }
  function toldLine(fact) {
    var visible = filters.visibleOccurrences(fact);
    var docs = new Set(visible.map(function (o) { return o.doc; }));
    return plural(visible.length, "time") + " in " + plural(docs.size, "document");
  }

  function showEntity(e) {
    start(e.id, e.label);
    append(container, [badge(e.type, model.colorOf(e)), e.members > 1 ? badge(e.members + " concepts folded", "#777777") : null]);
    container.appendChild(actionsRow([
      button("Open neighbourhood", function () { actions.neighbourhood(e.id); }, "action"),
      actions.canExpand(e.id) ? button("Expand here", function () { actions.expand(e.id); }, "action") : null
    ]));
    var links = el("span");
    Object.keys(e.links).sort().forEach(function (k) {
      if (links.childNodes.length) { links.appendChild(document.createTextNode(" · ")); }
      append(links, [k + ": ", externalLink(e.links[k])]);
    });
    container.appendChild(fields([["aliases", e.aliases.join(" · ")], ["roles", e.roles.join(" · ")], ["date", e.value],
                                  ["links", links.childNodes.length ? links : null], ["mentions", e.mentions.length],
                                  ["documents", e.docs.length]]));
    var facts = e.facts.filter(filters.factVisible).sort(function (a, b) {
      return filters.visibleOccurrences(b).length - filters.visibleOccurrences(a).length || compare(a.label, b.label);
    });
    section("Facts", facts, function (f) {
      var count = filters.visibleOccurrences(f).length;
      var text = f.kind === "relation" ? relationText(f) : f.label;
      return append(el("span"), [el("span", roleOf(f, e.id) + " · ", "meta"), itemButton(f.id, text + (count > 1 ? " ×" + count : ""))]);
    });
    section("Said", e.said.filter(filters.factVisible), function (c) { return itemButton(c.id); });
    section("Documents", e.docs.filter(filters.documentVisible), function (d) { return documentButton(d); });
    section("Mentions", e.mentions.filter(function (m) { return filters.documentVisible(m[0]); }), function (m) {
      return passage(m[0], [m[1], m[2]], [[m[1], m[2]]]);
    }, PASSAGE_STEP);
  }
  function relationText(r) {
    return model.get(r.subject).label + " – " + r.predicate + " → " + model.get(r.object).label;
  }
  function showEvent(f) {
    start(f.id, f.label);
    append(container, [badge(f["class"] || "Event", model.colorOf(f))].concat(statusBadges(f)));
    container.appendChild(actionsRow([button("Open in graph", function () { actions.neighbourhood(f.id); }, "action")]));
    container.appendChild(fields([["predicate", f.predicate], ["claimed by", f.reportedBy.length ? itemList(f.reportedBy) : null],
                                  ["polarity", f.polarity], ["modality", f.modality], ["confidence", f.confidence], ["told", toldLine(f)]]));
    section("Roles", f.players, function (p) { return append(el("span"), [p.role + ": ", itemButton(p.id)]); });
    evidenceSection(f);
  }
  function showClaim(c) {
    start(c.id, c.label);
    append(container, [badge("Claim", model.colorOf(c))].concat(statusBadges(c).slice(1)));
    container.appendChild(actionsRow([button("Open in graph", function () { actions.neighbourhood(c.id); }, "action")]));
    container.appendChild(fields([["speaker", c.speakers.length ? itemList(c.speakers) : null], ["source", c.sources.length ? itemList(c.sources) : null],
                                  ["cue", c.cue], [c.quote ? "quote" : "content", c.content], ["reports", c.reports.length ? itemList(c.reports) : null],
                                  ["polarity", c.polarity], ["confidence", c.confidence], ["document", documentButton(c.doc)], ["date", c.date]]));
    evidenceSection(c, c.contentSpans);
  }
  function showRelation(r) {
    start(r.id, "");
    append(container.firstChild, [itemButton(r.subject), " – " + r.predicate + " → ", itemButton(r.object)]);
    append(container, statusBadges(r));
    var claims = Array.from(new Set(r.occurrences.map(function (o) { return o.claim; }).filter(Boolean)));
    container.appendChild(fields([["claimed by", claims.length ? itemList(claims) : null],
                                  ["polarity", r.polarity], ["modality", r.modality], ["confidence", r.confidence], ["told", toldLine(r)]]));
    evidenceSection(r);
  }
  function show(id) {
    var item = model.get(id);
    if (!item) { clear(); return; }
    ({entity: showEntity, event: showEvent, claim: showClaim, relation: showRelation})[item.kind](item);
    container.scrollTop = 0;
  }
  // an overview edge: every fact the two entities share
  function showLink(link) {
    start(link.id, "");
    append(container.firstChild, [itemButton(link.from), " — ", itemButton(link.to)]);
    container.appendChild(el("p", plural(link.facts.length, "fact") + ", told " + plural(link.count, "time"), "meta"));
    section("Facts", link.facts.map(model.get), function (f) {
      var count = filters.visibleOccurrences(f).length;
      return itemButton(f.id, (f.kind === "relation" ? relationText(f) : f.label) + (count > 1 ? " ×" + count : ""));
    });
  }
  return {show: show, showLink: showLink, clear: clear, shown: function () { return shown; }};
}
