// The process view: one process in detail (Process.info, links, monitors,
// the first queued messages, and for a behaviour its :sys.get_state, or for
// a supervisor its children and restart intensity), with the actions: kill,
// or exit with a reason written as an Elixir literal (:shutdown,
// {:shutdown, :maintenance}, ...). The node reads a behaviour's state
// without messaging it, so a busy process never makes this view wait.
import { el, setText, pidButton } from './dom.js';

const PID_RE = /#PID<\d+\.\d+\.\d+>/g;

export class ProcessView {
  // bridge: {process(pid), action(obj)}; onPick(pid) opens another process;
  // onClose(); onActed(): an action was done (refresh the rest).
  constructor(bridge, { onPick, onClose, onActed }) {
    this.bridge = bridge;
    this.onPick = onPick;
    this.onActed = onActed;
    this.pid = null;
    this.seq = 0;

    this.title = el('h3.obs-proc-title');
    this.alive = el('p.obs-proc-dead', { hidden: true, text: 'This process is not alive.' });
    this.reason = el('input.obs-reason', {
      type: 'text', value: ':shutdown', spellcheck: false, 'aria-label': 'Exit reason (an Elixir literal)',
      onkeydown: (e) => { if (e.key === 'Enter') this.act('exit'); },
    });
    this.killButton = el('button.obs-kill', { type: 'button', text: 'Kill', title: 'Process.exit(pid, :kill)', onclick: () => this.act('kill') });
    this.exitButton = el('button.obs-exit', { type: 'button', text: 'Exit with reason', title: 'Process.exit(pid, reason)', onclick: () => this.act('exit') });
    this.result = el('p.obs-action-result', { 'aria-live': 'polite' });
    this.body = el('div.obs-proc-body');
    this.root = el('section.obs-proc', { hidden: true, 'aria-label': 'Process' },
      el('div.obs-proc-head', null, this.title,
        el('button.obs-close', { type: 'button', text: '×', title: 'Close', onclick: () => onClose() })),
      this.alive,
      el('div.obs-actions', null, this.killButton, this.reason, this.exitButton),
      this.result, this.body);
  }

  show(pid) {
    if (this.pid !== pid) setText(this.result, '');
    this.pid = pid;
    this.root.hidden = false;
    setText(this.title, pid);
    return this.refresh();
  }

  hide() {
    this.pid = null;
    this.root.hidden = true;
  }

  async refresh() {
    if (!this.pid) return;
    const seq = ++this.seq;
    let d;
    try {
      d = await this.bridge.process(this.pid);
    } catch (e) {
      d = { error: e.message };
    }
    if (seq !== this.seq || !this.pid) return;  // a newer request or closed meanwhile
    this.render(d);
  }

  render(d) {
    if (d.error) {  // e.g. "no such process": what was shown stays, greyed, with no actions
      setText(this.alive, d.error);
      this.alive.hidden = false;
      this.root.classList.add('obs-proc-gone');
      this.killButton.disabled = true;
      this.exitButton.disabled = true;
      return;
    }
    setText(this.title, d.name ? `${d.name}  ${d.pid}` : d.pid);
    this.alive.hidden = d.alive;
    setText(this.alive, 'This process is not alive.');
    this.root.classList.toggle('obs-proc-gone', !d.alive);
    this.killButton.disabled = !d.alive;
    this.exitButton.disabled = !d.alive;
    if (!d.alive) return;  // keep what was shown, greyed out
    const parts = [];
    if (d.supervisor) parts.push(this.supervisorPart(d.supervisor));
    if (d.behaviour && d.behaviour.state !== null)
      parts.push(section(`State (:sys.get_state) of ${d.behaviour.module}${d.behaviour.suspended ? ', suspended' : ''}`,
        el('pre.obs-state-text', { text: d.behaviour.state })));
    parts.push(section('Links', this.pids(d.links)));
    parts.push(section('Monitors', this.pids(d.monitors)));
    parts.push(section('Monitored by', this.pids(d.monitored_by)));
    parts.push(section(`Messages (${d.message_queue_len})`, d.messages.length
      ? el('pre.obs-messages', { text: d.messages.join('\n') + (d.message_queue_len > d.messages.length ? '\n…' : '') })
      : el('span.obs-none', { text: 'none' })));
    const info = el('table.obs-info');
    for (const [k, v] of d.info) info.append(el('tr', null, el('th', { text: k }), el('td', { text: v })));
    parts.push(section('Process.info', info));
    this.body.replaceChildren(...parts);
  }

  supervisorPart(s) {
    const list = el('ul.obs-sup-children');
    for (const c of s.children) {
      list.append(el('li', null,
        el('span.obs-label', { text: c.id }),
        c.pid ? pidButton(c.pid, this.onPick) : el('span.obs-state', { text: c.state }),
        el('span.obs-muted', { text: ` ${c.type}, ${c.restart}` })));
    }
    if (s.children_total > s.children.length) list.append(el('li.obs-muted', { text: `… and ${s.children_total - s.children.length} more` }));
    return section(`Supervisor: ${s.strategy}, ${s.restarts}/${s.max_restarts} restarts in ${s.max_seconds} s`, list);
  }

  // Texts with pids in them ("{:process, #PID<0.1.0>}"), pids clickable.
  pids(items) {
    if (!items.length) return el('span.obs-none', { text: 'none' });
    const box = el('div.obs-chips');
    for (const text of items) {
      const chip = el('span.obs-chip');
      let last = 0;
      for (const m of text.matchAll(PID_RE)) {
        chip.append(text.slice(last, m.index), pidButton(m[0], this.onPick));
        last = m.index + m[0].length;
      }
      chip.append(text.slice(last));
      box.append(chip);
    }
    return box;
  }

  async act(action) {
    if (!this.pid) return;
    const request = { action, pid: this.pid };
    if (action === 'exit') request.reason = this.reason.value;
    let r;
    try {
      r = await this.bridge.action(request);
    } catch (e) {
      r = { ok: false, error: e.message };
    }
    this.result.classList.toggle('obs-error', !r.ok);
    setText(this.result, r.ok
      ? `Process.exit(${r.pid}, ${r.reason}) sent: the process ${r.alive ? 'is still alive (it traps exits, or the reason was :normal)' : 'has exited'}.`
      : r.error);
    this.onActed();
    await this.refresh();
  }
}

function section(title, content) {
  return el('div.obs-section', null, el('h4', { text: title }), content);
}
