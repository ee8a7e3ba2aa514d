// Small DOM and formatting helpers shared by the observer's views
// (tree.js, table.js, process-view.js). No framework: elements are made
// with el() and updated in place with setText() so that a view redrawn
// twice a second keeps its elements (and the clicks and selections on them).

// el('div.obs-row', {title: 'x', dataset: {pid}}, child, 'text', ...)
export function el(tagAndClasses, props, ...children) {
  const [tag, ...classes] = tagAndClasses.split('.');
  const node = document.createElement(tag || 'div');
  if (classes.length) node.className = classes.join(' ');
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === undefined || v === null) continue;
      if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k in node && typeof v !== 'string') node[k] = v;
      else node.setAttribute(k, v);
    }
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

// Sets textContent only when it changed (no layout work otherwise).
export function setText(node, text) {
  const s = text === null || text === undefined ? '' : String(text);
  if (node.textContent !== s) node.textContent = s;
}

export function setClass(node, name, on) {
  if (node.classList.contains(name) !== Boolean(on)) node.classList.toggle(name, Boolean(on));
}

// Replays a CSS animation class (the flash of a restarted child).
export function flash(node, name = 'obs-flash') {
  node.classList.remove(name);
  void node.offsetWidth;  // restart the animation
  node.classList.add(name);
}

export function bytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

const groups = new Intl.NumberFormat('en-US');
export function count(n) {
  return groups.format(n);
}

// A pid button: clicking it opens the process view (onPick(pid)).
export function pidButton(pid, onPick, extraClass = '') {
  return el(`button.obs-pid${extraClass ? `.${extraClass}` : ''}`, {
    type: 'button',
    text: pid,
    title: `Show ${pid}`,
    dataset: { pid },
    onclick: (e) => {
      e.stopPropagation();
      onPick(pid);
    },
  });
}
