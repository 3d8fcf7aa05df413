// ---- the documents view: every article, its date, source and what it holds ---------------------
function createDocumentsView(container, model, filters, actions) {
  function render() {
    container.replaceChildren();
    var rows = model.documents.map(function (d, number) { return number; }).filter(filters.documentVisible);
    container.appendChild(sortableTable([
      {name: "document", value: function (n) { return model.documents[n].title || model.documents[n].id; }},
      {name: "beginning", value: function (n) { return shortLabel(model.documents[n].text.slice(0, 200).replace(/\s+/g, " "), 90); }},
      {name: "date", value: function (n) { return model.documents[n].date || ""; }},
      {name: "source", value: function (n) { return model.documents[n].source || ""; }},
      {name: "entities", value: function (n) { return model.docEntities(n).length; }},
      {name: "facts", value: function (n) { return model.docFacts(n).filter(filters.factVisible).length; }}
    ], rows, function (n) { actions.document(n); }, 0));
  }
  return {render: render};
}
