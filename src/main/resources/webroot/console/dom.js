/**
 * DOM helpers for the console. Strings among children become Text nodes, so user text is never
 * parsed as HTML.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) node.append(child);
  }
  return node;
}

const stamp = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A <time> element showing a short local date and time. */
export function timeEl(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return el('span', {}, String(iso ?? ''));
  return el('time', { datetime: date.toISOString() }, stamp.format(date));
}

/** Reads an announcement to screen-reader users through a polite live region. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after clearing makes repeated identical messages heard again.
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
