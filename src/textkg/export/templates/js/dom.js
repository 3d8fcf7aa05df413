// ---- DOM helpers: text from the data reaches the page only through textContent, never as markup
function el(tag, text, cls) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  if (cls) { node.className = cls; }
  return node;
}
function append(parent, children) {
  children.forEach(function (child) {
    if (child === null || child === undefined) { return; }
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  });
  return parent;
}
// every clickable thing is a button, so the keyboard reaches it (Tab, Enter, Space)
function button(text, onClick, cls) {
  var node = el("button", text, cls === undefined ? "link" : cls);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}
function safeUrl(value) {
  try {
    var url = new URL(String(value));
    return (url.protocol === "http:" || url.protocol === "https:") ? url.href : null;
  } catch (err) { return null; }
}
function externalLink(value, text) {  // only http(s) becomes a link; any other scheme stays text
  var href = safeUrl(value);
  var node = el(href ? "a" : "span", text === undefined ? value : text);
  if (href) { node.href = href; node.target = "_blank"; node.rel = "noopener noreferrer external"; }
  return node;
}
// cut by code points, so an emoji is never split into a lone surrogate
function shortLabel(text, limit) {
  var chars = Array.from(String(text));
  return chars.length <= limit ? String(text) : chars.slice(0, limit - 1).join("") + "…";
}
function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }
function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
