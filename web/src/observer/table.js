// The Processes tab: every process of the node, sortable by reductions,
// memory and message queue length (and pid, name), filterable, and
// virtualised: the node sorts and returns only the rows in view (the
// snapshot's offset and limit), and the page keeps a fixed pool of row
// elements positioned over a spacer as tall as the whole table. So 10,000
// processes cost what the 30 visible rows cost.
import { el, setText, setClass, bytes, count } from './dom.js';

export const ROW_PX = 22;
const OVERSCAN = 10;

const COLUMNS = [
  { key: 'pid', title: 'Pid', sort: 'pid', cls: 'obs-c-pid' },
  { key: 'name', title: 'Name or current function', sort: 'name', cls: 'obs-c-name' },
  { key: 'reductions', title: 'Reductions', sort: 'reductions', cls: 'obs-c-num' },
  { key: 'memory', title: 'Memory', sort: 'memory', cls: 'obs-c-num' },
  { key: 'message_queue_len', title: 'MsgQ', sort: 'message_queue_len', cls: 'obs-c-num obs-c-q' },
  { key: 'status', title: 'Status', cls: 'obs-c-status' },
];

export class ProcessTable {
  // onPick(pid): open the process view; onWindow(): the rows in view changed.
  constructor(onPick, onWindow) {
    this.onPick = onPick;
    this.onWindow = onWindow;
    this.sort = 'reductions';
    this.order = 'desc';
    this.filter = '';
    this.selected = null;
    this.loaded = { offset: 0, count: 0 };
    this.rows = [];

    this.summary = el('span.obs-table-summary');
    this.filterInput = el('input.obs-filter', {
      type: 'search',
      placeholder: 'filter: pid, name or function',
      'aria-label': 'Filter processes',
      oninput: () => {
        this.filter = this.filterInput.value.trim();
        this.scroller.scrollTop = 0;
        this.onWindow();
      },
    });
    this.header = el('div.obs-thead', { role: 'row' });
    for (const c of COLUMNS) {
      const cell = c.sort
        ? el(`button.obs-th.${c.cls.split(' ').join('.')}`, { type: 'button', dataset: { sort: c.sort }, onclick: () => this.sortBy(c.sort) }, c.title)
        : el(`span.obs-th.${c.cls.split(' ').join('.')}`, null, c.title);
      this.header.append(cell);
    }
    this.spacer = el('div.obs-spacer');
    this.body = el('div.obs-tbody', { role: 'rowgroup' });
    this.scroller = el('div.obs-scroll', { onscroll: () => this.scrolled() }, this.spacer, this.body);
    this.root = el('div.obs-table', { role: 'table', 'aria-label': 'Processes' },
      el('div.obs-table-tools', null, this.filterInput, this.summary), this.header, this.scroller);
    this.markSort();
  }

  sortBy(key) {
    if (this.sort === key) this.order = this.order === 'desc' ? 'asc' : 'desc';
    else {
      this.sort = key;
      this.order = key === 'pid' || key === 'name' ? 'asc' : 'desc';
    }
    this.markSort();
    this.onWindow();
  }

  markSort() {
    for (const th of this.header.querySelectorAll('[data-sort]')) {
      const on = th.dataset.sort === this.sort;
      setClass(th, 'obs-sorted', on);
      th.setAttribute('aria-sort', on ? (this.order === 'desc' ? 'descending' : 'ascending') : 'none');
      th.dataset.arrow = on ? (this.order === 'desc' ? '▼' : '▲') : '';
    }
  }

  // The snapshot options for the rows in view (plus some above and below).
  options() {
    const first = Math.floor(this.scroller.scrollTop / ROW_PX);
    const visible = Math.ceil((this.scroller.clientHeight || 600) / ROW_PX);
    const offset = Math.max(0, first - OVERSCAN);
    return { sort: this.sort, order: this.order, offset, limit: visible + 2 * OVERSCAN, filter: this.filter };
  }

  scrolled() {
    if (this.scrollPending) return;
    this.scrollPending = true;
    requestAnimationFrame(() => {
      this.scrollPending = false;
      const first = Math.floor(this.scroller.scrollTop / ROW_PX);
      const visible = Math.ceil(this.scroller.clientHeight / ROW_PX);
      const { offset, count: n } = this.loaded;
      if (first < offset || first + visible > offset + n) this.onWindow();
    });
  }

  update(table) {
    this.loaded = { offset: table.offset, count: table.rows.length };
    this.spacer.style.height = `${table.matched * ROW_PX}px`;
    this.body.style.transform = `translateY(${table.offset * ROW_PX}px)`;
    setText(this.summary, table.matched === table.total
      ? `${count(table.total)} processes`
      : `${count(table.matched)} of ${count(table.total)} processes`);
    while (this.rows.length < table.rows.length) this.rows.push(this.makeRow());
    this.rows.forEach((row, i) => {
      const d = table.rows[i];
      row.el.hidden = !d;
      if (d) this.fill(row, d);
    });
  }

  makeRow() {
    const cells = COLUMNS.map((c) => el(`span.obs-td.${c.cls.split(' ').join('.')}`));
    const name = el('span.obs-row-name');
    const fn = el('span.obs-row-fn');
    cells[1].append(name, fn);
    const row = el('div.obs-tr', { role: 'row', tabIndex: 0 }, ...cells);
    row.addEventListener('click', () => this.onPick(row.dataset.pid));
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.onPick(row.dataset.pid);
    });
    this.body.append(row);
    return { el: row, cells, name, fn };
  }

  fill(row, d) {
    row.el.dataset.pid = d.pid;
    setText(row.cells[0], d.pid);
    setText(row.name, d.name ?? '');
    setText(row.fn, d.name ? ` ${d.current_function}` : d.current_function || d.initial_call);
    row.cells[1].title = `current function ${d.current_function}\ninitial call ${d.initial_call}`;
    setText(row.cells[2], count(d.reductions));
    setText(row.cells[3], bytes(d.memory));
    setText(row.cells[4], count(d.message_queue_len));
    setClass(row.cells[4], 'obs-queue-long', d.message_queue_len >= 100);
    setText(row.cells[5], d.status);
    setClass(row.el, 'obs-selected', d.pid === this.selected);
  }

  select(pid) {
    this.selected = pid;
    for (const r of this.rows) setClass(r.el, 'obs-selected', r.el.dataset.pid === pid);
  }
}
