// ---- search: names, aliases and documents, ignoring case and accents ---------------------------
var SEARCH_RESULTS = 30;

function fold(text) { return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

function createSearch(input, list, model, actions) {
  var index = model.entities.map(function (e) {
    return {id: e.id, keys: [e.label].concat(e.aliases).map(fold), weight: e.facts.length * 4 + e.mentions.length, text: e.label + " · " + e.type + " · " + plural(e.facts.length, "fact")};
  }).concat(model.documents.map(function (d, number) {
    return {doc: number, keys: [d.id, d.title || ""].map(fold), weight: 0, text: "document: " + model.docName(number)};
  }));
  var hits = [];
  function open(hit) {
    list.replaceChildren();
    if (hit.doc !== undefined) { actions.document(hit.doc); } else { actions.neighbourhood(hit.id); }
  }
  function run(query) {
    var q = fold(query.trim());
    list.replaceChildren();
    hits = [];
    if (!q) { return; }
    index.forEach(function (entry) {
      var best = -1;
      entry.keys.forEach(function (k) { var at = k.indexOf(q); if (at >= 0 && (best < 0 || at < best)) { best = at; } });
      if (best >= 0) { hits.push({entry: entry, prefix: best === 0}); }
    });
    hits.sort(function (a, b) { return (b.prefix - a.prefix) || (b.entry.weight - a.entry.weight) || compare(a.entry.text, b.entry.text); });
    if (!hits.length) { list.appendChild(el("li", "no match", "meta")); return; }
    hits.slice(0, SEARCH_RESULTS).forEach(function (hit) {
      list.appendChild(el("li")).appendChild(button(hit.entry.text, function () { open(hit.entry); }, "result"));
    });
    if (hits.length > SEARCH_RESULTS) { list.appendChild(el("li", "… " + (hits.length - SEARCH_RESULTS) + " more", "meta")); }
  }
  input.addEventListener("input", function () { run(input.value); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && hits.length) { ev.preventDefault(); open(hits[0].entry); }
    else if (ev.key === "ArrowDown" && list.querySelector("button")) { ev.preventDefault(); list.querySelector("button").focus(); }
    else if (ev.key === "Escape") { input.value = ""; run(""); }
  });
  list.addEventListener("keydown", function (ev) {  // arrows move between results, Escape goes back to the box
    var buttons = Array.from(list.querySelectorAll("button")), at = buttons.indexOf(document.activeElement);
    if (ev.key === "ArrowDown" && at + 1 < buttons.length) { ev.preventDefault(); buttons[at + 1].focus(); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); (at > 0 ? buttons[at - 1] : input).focus(); }
    else if (ev.key === "Escape") { input.focus(); list.replaceChildren(); }
  });
}
