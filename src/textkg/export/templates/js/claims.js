// ---- the claims view: who said what, where and when; filter by speaker, source and polarity ----
function createClaimsView(container, model, filters, actions) {
  var own = {speaker: "", source: "", polarity: ""};
  function names(ids) { return ids.map(function (id) { return model.get(id).label; }).join(" & "); }
  function render() {
    container.replaceChildren();
    var claims = model.data.claims.filter(filters.factVisible);
    var controls = el("div", null, "row table-filters");
    function refilter(key) { return function (value) { own[key] = value; render(); }; }
    append(controls, [
      countSelect("speaker", "all speakers", claims.map(function (c) { return names(c.speakers) || "(none)"; }), own.speaker, refilter("speaker")),
      countSelect("source", "all sources", claims.map(function (c) { return names(c.sources) || "(none)"; }), own.source, refilter("source")),
      countSelect("polarity", "both polarities", claims.map(function (c) { return c.polarity; }), own.polarity, refilter("polarity"))
    ]);
    container.appendChild(controls);
    var rows = claims.filter(function (c) {
      return (own.speaker === "" || (names(c.speakers) || "(none)") === own.speaker)
        && (own.source === "" || (names(c.sources) || "(none)") === own.source)
        && (own.polarity === "" || c.polarity === own.polarity);
    });
    container.appendChild(sortableTable([
      {name: "speaker", value: function (c) { return names(c.speakers); }},
      {name: "source", value: function (c) { return names(c.sources); }},
      {name: "cue", value: function (c) { return c.cue; }},
      {name: "content", value: function (c) { return c.content; }, cell: function (c) { return shortLabel(c.content, 160); }},
      {name: "document", value: function (c) { return model.docName(c.doc); }},
      {name: "date", value: function (c) { return c.date || ""; }},
      {name: "polarity", value: function (c) { return c.polarity; }}
    ], rows, function (c, tr) { actions.selectRow(container, tr); actions.show(c.id); }, 0));
  }
  return {render: render};
}
