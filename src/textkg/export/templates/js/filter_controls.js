// ---- filter controls: the legend (one checkbox per class), selects, confidence and dates --------
function createFilterControls(model, filters, onChange) {
  var $ = function (id) { return document.getElementById(id); };
  var SVG = "http://www.w3.org/2000/svg";
  var POINTS = {diamond: "7,0 14,7 7,14 0,7", hexagon: "3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7"};
  function icon(shape, color) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14"); svg.setAttribute("height", "14"); svg.setAttribute("viewBox", "0 0 14 14");
    var mark;
    if (POINTS[shape]) { mark = document.createElementNS(SVG, "polygon"); mark.setAttribute("points", POINTS[shape]); }
    else { mark = document.createElementNS(SVG, "circle"); mark.setAttribute("cx", "7"); mark.setAttribute("cy", "7"); mark.setAttribute("r", "6"); }
    mark.setAttribute("fill", color);
    mark.setAttribute("stroke", "#3a3a3a");
    svg.appendChild(mark);
    return svg;
  }
  var counts = {};
  model.entities.forEach(function (e) { counts[e.broad] = (counts[e.broad] || 0) + 1; });
  counts.Event = model.data.events.length;
  counts.Claim = model.data.claims.length;
  var legend = $("legend");
  Object.keys(model.legend).forEach(function (name) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.class = name;
    box.addEventListener("change", function () {
      var types = Object.assign({}, filters.state.types);
      types[name] = box.checked;
      onChange({types: types});
    });
    label.title = name + ": " + (counts[name] || 0);
    append(label, [box, icon(model.legend[name].shape, model.legend[name].color), el("span", name, "name"), el("span", String(counts[name] || 0), "count")]);
    legend.appendChild(label);
  });
  var fold = $("fold-concepts");
  fold.checked = filters.state.foldConcepts;
  fold.addEventListener("change", function () { onChange({foldConcepts: fold.checked}); });

  function fill(id, entries) {
    var select = $(id);
    entries.forEach(function (entry) { var option = select.appendChild(el("option", entry[1])); option.value = entry[0]; });
    select.hidden = entries.length < 1;  // no sources in the corpus: nothing to choose
    return select;
  }
  var predicateCounts = new Map();
  model.data.events.concat(model.data.relations).forEach(function (f) { predicateCounts.set(f.predicate, (predicateCounts.get(f.predicate) || 0) + f.occurrences.length); });
  fill("predicate", Array.from(predicateCounts.keys()).sort(function (a, b) { return predicateCounts.get(b) - predicateCounts.get(a) || compare(a, b); })
    .map(function (p) { return [p, p + " (" + predicateCounts.get(p) + ")"]; }));
  var sources = Array.from(new Set(model.documents.map(function (d) { return d.source; }).filter(Boolean))).sort();
  fill("source", sources.map(function (s) { return [s, s]; }));
  [["predicate", "predicate"], ["status", "status"], ["source", "source"]].forEach(function (pair) {
    $(pair[0]).addEventListener("change", function (ev) { var change = {}; change[pair[1]] = ev.target.value; onChange(change); });
  });
  var confidence = $("confidence");
  confidence.addEventListener("change", function () {
    $("confidence-value").textContent = confidence.value;
    onChange({confidence: Number(confidence.value)});
  });
  confidence.addEventListener("input", function () { $("confidence-value").textContent = confidence.value; });
  ["date-from", "date-to"].forEach(function (id) {
    $(id).addEventListener("change", function () { onChange({from: $("date-from").value, to: $("date-to").value}); });
  });
  $("clear-dates").addEventListener("click", function () {
    $("date-from").value = ""; $("date-to").value = "";
    onChange({from: "", to: ""});
  });
}
