// ---- filters: one state, read by every view ---------------------------------------------------
// Dates are ISO prefixes ("2023", "2023-05", "2023-05-25"); one is in the range when the period
// it names overlaps [from, to]. With a range set, undated documents and facts are out of it.
function createFilters(model) {
  var state = {types: {}, foldConcepts: model.settings.foldConcepts, status: "all", predicate: "", source: "",
               confidence: 0, from: "", to: ""};
  Object.keys(model.legend).forEach(function (name) { state.types[name] = true; });

  function periodStart(date) { return (date + "-01-01").slice(0, 10); }
  function periodEnd(date) { return (date + "-12-31").slice(0, 10); }
  function hasRange() { return state.from !== "" || state.to !== ""; }
  function dateIn(date) {
    if (!hasRange()) { return true; }
    if (!date) { return false; }
    return (state.from === "" || periodEnd(date) >= state.from) && (state.to === "" || periodStart(date) <= state.to);
  }
  function sourceOk(doc) { return state.source === "" || model.documents[doc].source === state.source; }
  function documentVisible(doc) { return sourceOk(doc) && dateIn(model.documents[doc].day); }
  function occurrenceVisible(occurrence, anyDate) { return sourceOk(occurrence.doc) && (anyDate || dateIn(occurrence.date)); }
  function typeVisible(entity) { return state.types[entity.broad] !== false; }
  function predicateOk(fact) {
    if (state.predicate === "") { return true; }
    if (fact.kind === "claim") {
      return fact.reports.some(function (id) { var e = model.get(id); return e && e.predicate === state.predicate; });
    }
    return fact.predicate === state.predicate;
  }
  function kindVisible(fact) {
    if (fact.kind === "event") { return state.types.Event !== false; }
    if (fact.kind === "claim") { return state.types.Claim !== false; }
    return fact.players.every(function (p) { return typeVisible(model.get(p.id)); });
  }
  function statusOk(fact) {
    return state.status === "all" || (state.status === "claimed") === Boolean(fact.claimed);
  }
  // the tellings of a fact that pass the document and date filters
  function visibleOccurrences(fact, anyDate) { return fact.occurrences.filter(function (o) { return occurrenceVisible(o, anyDate === true); }); }
  // ``anyDate``: every filter but the date range (the timeline shows what lies outside it too)
  function factVisible(fact, anyDate) {
    return kindVisible(fact) && statusOk(fact) && fact.confidence >= state.confidence && predicateOk(fact)
      && fact.occurrences.some(function (o) { return occurrenceVisible(o, anyDate === true); });
  }
  // a filter on facts themselves: then an entity is shown only for its facts, never for a mention
  function narrowsFacts() { return state.status !== "all" || state.predicate !== "" || state.confidence > 0; }
  function set(changes) { Object.keys(changes).forEach(function (key) { state[key] = changes[key]; }); }
  return {
    state: state, set: set, hasRange: hasRange, narrowsFacts: narrowsFacts, dateIn: dateIn, documentVisible: documentVisible, typeVisible: typeVisible,
    factVisible: factVisible, visibleOccurrences: visibleOccurrences
  };
}
