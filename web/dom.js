// Builds DOM nodes. Text always goes in as text nodes (titles and artists come
// from the loaded file and are untrusted): nothing here parses HTML.

// el('a', { className: 'x', href: '#/' }, 'text', childNode, ...)
// Props the element has as properties (className, href, value, type) are set
// as properties; aria-*, data-* and the others as attributes. Strings among
// the children become text nodes.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name in node && !name.startsWith('aria') && !name.startsWith('data')) node[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}

// Writes only what changed: the same text or state written again would still
// make the browser style and lay out that part of the page in the next frame.
export function setNodeText(node, text) {
  const only = node.firstChild;
  if (only && only === node.lastChild && only.nodeType === Node.TEXT_NODE) {
    if (only.data !== text) only.data = text; // the same text node, new characters
  } else if (node.textContent !== text) {
    node.textContent = text;
  }
}

export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}

export function setAttr(node, name, value) {
  if (value === null || value === undefined) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
  } else if (node.getAttribute(name) !== value) {
    node.setAttribute(name, value);
  }
}
