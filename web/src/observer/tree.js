// The Applications tab: each running application's supervision tree, kept
// live. Elements are keyed by their path of child ids (a DynamicSupervisor's
// children, which have no id, by pid) and reused between snapshots, so a
// redraw only touches what changed:
//  - a child whose pid changed was restarted: its row flashes and shows the
//    new pid, with the old one in a "restarted" badge for a few seconds;
//  - a child that appears under an already drawn supervisor flashes as new;
//  - an application that stops (its top supervisor gave up) stays drawn,
//    greyed out and marked "exited", until it runs again.
// Each supervisor shows its restart intensity: restarts in the current
// window of max_seconds against max_restarts (one more and it gives up).
import { el, setText, setClass, flash, pidButton } from './dom.js';

const BADGE_MS = 4000;

export class TreeView {
  constructor(onPick) {
    this.onPick = onPick;
    this.root = el('div.obs-apps');
    this.appsBox = el('div');
    this.libraries = el('p.obs-libraries');
    this.root.append(this.appsBox, this.libraries);
    this.apps = new Map();   // app name -> {section, tree, rootUl}
    this.nodes = new Map();  // key -> node entry (see makeNode)
    this.collapsed = new Set();
  }

  update(applications) {
    const running = new Set();
    const libs = [];
    for (const app of applications) {
      if (!app.tree) {
        libs.push(`${app.name} ${app.vsn}`);
        continue;
      }
      running.add(app.name);
      const entry = this.appEntry(app);
      setClass(entry.section, 'obs-app-exited', false);
      setText(entry.status, app.vsn);
      const seen = new Set();
      this.renderChildren(entry.rootUl, [app.tree], app.name, seen, !entry.fresh);
      entry.fresh = false;
      this.prune(app.name, seen);
    }
    for (const [name, entry] of this.apps) {
      if (running.has(name)) continue;
      setClass(entry.section, 'obs-app-exited', true);
      setText(entry.status, 'exited');
    }
    // Running applications first, in the order the node lists them.
    const order = [...running, ...[...this.apps.keys()].filter((n) => !running.has(n))];
    order.forEach((name, i) => {
      const s = this.apps.get(name).section;
      if (this.appsBox.children[i] !== s) this.appsBox.insertBefore(s, this.appsBox.children[i] ?? null);
    });
    setText(this.libraries, libs.length ? `Library applications (no processes): ${libs.join(', ')}` : '');
    if (!order.length && !this.appsBox.firstChild)
      this.appsBox.append(el('p.obs-empty', { text: 'No application with a supervision tree is running.' }));
  }

  appEntry(app) {
    let entry = this.apps.get(app.name);
    if (entry) return entry;
    const status = el('span.obs-app-vsn');
    const rootUl = el('ul.obs-tree.obs-tree-root');
    const section = el('section.obs-app', { dataset: { app: app.name } },
      el('h3.obs-app-title', null, el('span.obs-app-name', { text: app.name }), status,
        el('span.obs-app-desc', { text: app.description && app.description !== app.name ? app.description : '' })),
      rootUl);
    this.appsBox.querySelector('.obs-empty')?.remove();
    entry = { section, status, rootUl, fresh: true };
    this.apps.set(app.name, entry);
    return entry;
  }

  // Draws `children` (tree nodes of the snapshot) into `ul`, in order.
  renderChildren(ul, children, parentKey, seen, flashNew) {
    children.forEach((child, i) => {
      const key = `${parentKey}/${child.id === ':undefined' ? child.pid ?? `#${i}` : child.id}`;
      seen.add(key);
      let node = this.nodes.get(key);
      const isNew = !node;
      if (!node) {
        node = this.makeNode(key);
        this.nodes.set(key, node);
      }
      this.updateNode(node, child, isNew && flashNew);
      if (ul.children[i] !== node.li) ul.insertBefore(node.li, ul.children[i] ?? null);
      this.renderChildren(node.ul, child.children, key, seen, !isNew || flashNew);
      const more = child.children_total - child.children.length;
      setText(node.more, more > 0 ? `… and ${more} more` : '');
      node.more.hidden = more <= 0;
    });
    while (ul.children.length > children.length) ul.lastElementChild.remove();
  }

  makeNode(key) {
    const caret = el('button.obs-caret', {
      type: 'button',
      title: 'Fold / unfold',
      onclick: () => {
        if (this.collapsed.has(key)) this.collapsed.delete(key);
        else this.collapsed.add(key);
        setClass(li, 'obs-collapsed', this.collapsed.has(key));
      },
    });
    const kind = el('span.obs-kind');
    const label = el('span.obs-label');
    const name = el('span.obs-name');
    const pidBox = el('span.obs-pid-box');
    const state = el('span.obs-state');
    const badge = el('span.obs-badge');
    const meterFill = el('span.obs-meter-fill');
    const meterText = el('span.obs-meter-text');
    const meter = el('span.obs-meter', null, el('span.obs-meter-bar', null, meterFill), meterText);
    const row = el('div.obs-node', { dataset: { key } }, caret, kind, label, name, pidBox, state, badge, meter);
    const ul = el('ul.obs-tree');
    const more = el('div.obs-more', { hidden: true });
    const li = el('li', null, row, ul, more);
    return { li, row, ul, more, caret, kind, label, name, pidBox, state, badge, meter, meterFill, meterText, pid: undefined, badgeTimer: 0 };
  }

  updateNode(node, d, isNew) {
    const sup = d.type === 'supervisor';
    setClass(node.li, 'obs-sup', sup);
    setClass(node.li, 'obs-collapsed', this.collapsed.has(node.row.dataset.key));
    setText(node.kind, sup ? '▣' : '●');
    node.kind.title = sup ? 'supervisor' : 'worker';
    setText(node.label, d.label ?? d.id);
    setText(node.name, d.name && d.name !== (d.label ?? d.id) ? d.name : '');
    node.row.title = `${d.type}${d.restart ? `, ${d.restart}` : ''}${d.modules && d.modules !== '[]' ? `, modules ${d.modules}` : ''}`;
    node.row.dataset.pid = d.pid ?? '';
    node.row.dataset.state = d.state;
    setText(node.state, d.state === 'alive' ? '' : d.state);
    setClass(node.row, 'obs-not-alive', d.state !== 'alive');
    if (node.pid !== d.pid) {
      const previous = node.pid;
      node.pid = d.pid;
      node.pidBox.replaceChildren(d.pid ? pidButton(d.pid, this.onPick) : '');
      if (previous && d.pid) this.showBadge(node, `restarted, was ${previous}`);
      if ((previous && d.pid) || isNew) flash(node.row);
    } else if (isNew) {
      flash(node.row);
    }
    const s = d.supervisor;
    node.meter.hidden = !s;
    if (s) {
      const used = s.restarts;
      const ratio = s.max_restarts > 0 ? Math.min(1, used / s.max_restarts) : used > 0 ? 1 : 0;
      node.meterFill.style.width = `${Math.round(ratio * 100)}%`;
      setClass(node.meter, 'obs-meter-warn', used > 0 && used < s.max_restarts);
      setClass(node.meter, 'obs-meter-full', used > 0 && used >= s.max_restarts);
      setText(node.meterText, `${used}/${s.max_restarts} in ${s.max_seconds}s`);
      node.meter.title = `${s.strategy}: ${used} restart${used === 1 ? '' : 's'} in the last ${s.max_seconds} s; ` +
        `more than ${s.max_restarts} and this supervisor gives up`;
      node.meter.dataset.restarts = String(used);
    }
  }

  showBadge(node, text) {
    setText(node.badge, text);
    node.badge.hidden = false;
    clearTimeout(node.badgeTimer);
    node.badgeTimer = setTimeout(() => { node.badge.hidden = true; }, BADGE_MS);
  }

  // Forgets the nodes of `app` that the last snapshot no longer has.
  prune(app, seen) {
    for (const [key, node] of this.nodes) {
      if (key.startsWith(`${app}/`) && !seen.has(key)) {
        clearTimeout(node.badgeTimer);
        node.li.remove();
        this.nodes.delete(key);
      }
    }
  }
}
