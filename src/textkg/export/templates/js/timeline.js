// ---- the timeline: documents and events by date; a bar or two dates set the range every view uses
var TIMELINE_HEIGHT = 200;
var TIMELINE_LIST = 200;  // events and documents listed under the chart at most

function createTimeline(container, model, filters, actions) {
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (k) { node.setAttribute(k, String(attributes[k])); });
    return node;
  }
  function days(from, to) { return (Date.parse(periodEndOf(to)) - Date.parse(periodStartOf(from))) / 86400000; }
  function periodStartOf(date) { return (date + "-01-01").slice(0, 10); }
  function periodEndOf(date) { return (date + "-12-31").slice(0, 10); }
  function unitFor(dates) {
    var span = days(dates[0], dates[dates.length - 1]);
    return span <= 92 ? 10 : span <= 6 * 366 ? 7 : 4;  // characters of the ISO date: day, month, year
  }
  // every bucket from the first date to the last, empty ones included, so gaps show as gaps
  function buckets(first, last, unit) {
    var out = [], at = new Date(periodStartOf(first.slice(0, unit)) + "T00:00:00Z"), end = periodStartOf(last.slice(0, unit));
    while (at.toISOString().slice(0, 10) <= end && out.length < 5000) {
      out.push(at.toISOString().slice(0, unit));
      if (unit === 10) { at.setUTCDate(at.getUTCDate() + 1); } else if (unit === 7) { at.setUTCMonth(at.getUTCMonth() + 1); } else { at.setUTCFullYear(at.getUTCFullYear() + 1); }
    }
    return out;
  }
  function dated() {
    var docs = [], events = [];
    model.documents.forEach(function (d, number) {
      if (d.day && (filters.state.source === "" || d.source === filters.state.source)) { docs.push({date: d.day, doc: number}); }
    });
    model.data.events.forEach(function (f) {
      if (!filters.factVisible(f, true)) { return; }
      filters.visibleOccurrences(f, true).forEach(function (o) { if (o.date) { events.push({date: o.date, event: f, doc: o.doc}); } });
    });
    return {docs: docs, events: events};
  }
  function chart(items, unit) {
    var all = items.docs.concat(items.events).map(function (x) { return x.date; }).sort();
    var keys = buckets(all[0], all[all.length - 1], unit);
    var counts = new Map(keys.map(function (k) { return [k, {docs: 0, events: 0}]; }));
    // a date less precise than the bars (a year among months) counts at the start of its period
    var key = function (date) { return periodStartOf(date).slice(0, unit); };
    items.docs.forEach(function (x) { counts.get(key(x.date)).docs += 1; });
    items.events.forEach(function (x) { counts.get(key(x.date)).events += 1; });
    var width = Math.max(300, container.clientWidth - 24), height = TIMELINE_HEIGHT, bottom = 28, top = 10;
    var step = width / keys.length, peak = 1;
    counts.forEach(function (c) { peak = Math.max(peak, c.docs, c.events); });
    var root = svg("svg", {width: width, height: height, role: "group", "aria-label": "documents and events by date"});
    var y = function (count) { return (height - bottom - top) * count / peak; };
    keys.forEach(function (key, i) {
      var c = counts.get(key), x = i * step;
      var group = svg("g", {"class": "bucket" + (filters.dateIn(key) && filters.hasRange() ? " in-range" : ""), tabindex: 0, role: "button",
                           "data-period": key, "aria-label": key + ": " + plural(c.docs, "document") + ", " + plural(c.events, "event")});
      group.appendChild(svg("rect", {x: x, y: top, width: Math.max(1, step - 1), height: height - bottom - top, "class": "band"}));
      group.appendChild(svg("rect", {x: x + step * 0.1, y: height - bottom - y(c.docs), width: Math.max(1, step * 0.4), height: y(c.docs), "class": "docs"}));
      group.appendChild(svg("rect", {x: x + step * 0.5, y: height - bottom - y(c.events), width: Math.max(1, step * 0.4), height: y(c.events), "class": "events"}));
      var title = svg("title", {});
      title.textContent = group.getAttribute("aria-label");
      group.appendChild(title);
      var pick = function () { actions.setRange(periodStartOf(key), periodEndOf(key)); };
      group.addEventListener("click", pick);
      group.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
      root.appendChild(group);
    });
    var every = Math.max(1, Math.ceil(keys.length / Math.max(1, Math.floor(width / 80))));
    keys.forEach(function (key, i) {
      if (i % every !== 0 && i !== keys.length - 1) { return; }
      var label = svg("text", {x: i * step + step / 2, y: height - 8, "text-anchor": "middle", "class": "tick"});
      label.textContent = key;
      root.appendChild(label);
    });
    return root;
  }
  function render() {
    container.replaceChildren();
    var items = dated();
    var legendRow = append(el("div", null, "row meta"), [el("span", null, "swatch docs"), "documents (by their date) ", el("span", null, "swatch events"),
                                                          "events (by the date they name, else their document's)"]);
    container.appendChild(legendRow);
    if (!items.docs.length && !items.events.length) {
      container.appendChild(el("p", "No document or event has a date.", "meta"));
      return;
    }
    var all = items.docs.concat(items.events).map(function (x) { return x.date; }).sort();
    container.appendChild(chart(items, unitFor(all)));
    container.appendChild(el("p", filters.hasRange() ? "Range: " + (filters.state.from || "…") + " to " + (filters.state.to || "…") + " (applies to every view)"
                                                   : "Click a bar, or set the dates under Filters, to limit every view to a period.", "meta"));
    var events = items.events.filter(function (x) { return filters.dateIn(x.date); }).sort(function (a, b) { return compare(a.date, b.date); });
    var docs = items.docs.filter(function (x) { return filters.dateIn(x.date); }).sort(function (a, b) { return compare(a.date, b.date); });
    listSection("Events", events, function (x) { return append(el("span"), [el("span", x.date + " ", "meta"), button(x.event.label, function () { actions.show(x.event.id); })]); });
    listSection("Documents", docs, function (x) { return append(el("span"), [el("span", x.date + " ", "meta"), button(model.docName(x.doc), function () { actions.document(x.doc); })]); });
  }
  function listSection(heading, items, render) {
    container.appendChild(el("h3", heading + " (" + items.length + ")"));
    var list = container.appendChild(el("ul", null, "plain timeline-list"));
    items.slice(0, TIMELINE_LIST).forEach(function (x) { list.appendChild(el("li")).appendChild(render(x)); });
    if (items.length > TIMELINE_LIST) { list.appendChild(el("li", "… " + (items.length - TIMELINE_LIST) + " more: narrow the range", "meta")); }
  }
  return {render: render};
}
