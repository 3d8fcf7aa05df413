// ---- the reader: a document's whole text, its mentions highlighted and clickable ---------------
// Mentions are marks the keyboard reaches (tabindex, Enter); a focus span (the evidence that
// opened the document) is underlined and scrolled into view. Mention kinds, when the data has
// them (name, description, pronoun), style the mark.
function createReader(container, model, actions) {
  // the text cut at every mention and focus boundary; each piece knows its mention and focus
  function pieces(doc, mentions, focus) {
    var cuts = new Set([0, doc.text.length]);
    mentions.forEach(function (m) { cuts.add(m[0]); cuts.add(m[1]); });
    focus.forEach(function (s) { cuts.add(s[0]); cuts.add(s[1]); });
    var points = Array.from(cuts).sort(function (a, b) { return a - b; });
    var out = [], at = 0;
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1];
      while (at < mentions.length && mentions[at][1] <= a) { at += 1; }
      var mention = at < mentions.length && mentions[at][0] <= a && mentions[at][1] >= b ? mentions[at] : null;
      var inFocus = focus.some(function (s) { return s[0] <= a && s[1] >= b; });
      out.push({start: a, end: b, mention: mention, focus: inFocus});
    }
    return out;
  }
  // overlapping mentions: the first (longest at a start) wins, so each character has one owner
  function disjoint(mentions) {
    var out = [], end = -1;
    mentions.forEach(function (m) { if (m[0] >= end) { out.push(m); end = m[1]; } });
    return out;
  }
  function mark(doc, piece) {
    var m = piece.mention, entity = model.get(m[2]);
    var node = el("mark", doc.text.slice(piece.start, piece.end), "mention" + (m[3] ? " kind-" + m[3] : "") + (piece.focus ? " focus" : ""));
    node.tabIndex = 0;
    node.setAttribute("role", "button");
    node.title = entity.label + " · " + entity.type + (m[3] ? " · " + m[3] : "");
    node.dataset.entity = entity.id;
    node.style.borderBottomColor = model.colorOf(entity);
    node.addEventListener("click", function () { actions.show(entity.id); });
    node.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); actions.show(entity.id); } });
    return node;
  }
  function render(number, focus) {
    var doc = model.documents[number];
    container.replaceChildren();
    var head = el("header", null, "reader-head");
    head.appendChild(el("h3", doc.title || doc.id));
    var meta = [doc.title ? doc.id : null, doc.source, doc.date].filter(Boolean).join(" · ");
    append(head, [el("div", meta, "meta"), doc.url ? externalLink(doc.url, "original article") : null]);
    container.appendChild(head);
    var body = el("div", null, "reader-text");
    var spans = focus || [];
    pieces(doc, disjoint(model.mentionsIn(number)), spans).forEach(function (piece) {
      if (piece.mention) { body.appendChild(mark(doc, piece)); }
      else if (piece.focus) { body.appendChild(el("span", doc.text.slice(piece.start, piece.end), "focus")); }
      else { body.appendChild(document.createTextNode(doc.text.slice(piece.start, piece.end))); }
    });
    container.appendChild(body);
    var first = body.querySelector(".focus");
    container.scrollTop = 0;
    if (first) { first.scrollIntoView({block: "center"}); }
  }
  // the marks of an entity stand out while it is selected
  function highlight(entityId) {
    container.querySelectorAll("mark.mention").forEach(function (node) { node.classList.toggle("active", node.dataset.entity === entityId); });
  }
  return {render: render, highlight: highlight};
}
