// One runnable block on a page: wraps the block's <pre class="otp-run"> (and
// a code block's <pre class="otp-output">) with a toolbar (Run / Stop,
// Reset, Observer, a status) and runs it on its node (node.js) when asked.
//
// A session block's <pre> shows the page's transcript until it runs, then
// the live one, as the terminal shows it: each prompt, the typed line, and
// what the node printed. A code block's code is editable (Ctrl-Enter runs
// it); its output <pre> shows the expected output until it runs, then what
// the node printed. After a run the snippet says whether the output is the
// page's (normalised as the doc-test does: pids, refs, time stamps, prompt
// numbers, stack frames). State for scripts and tests is in attributes of
// the wrapper: data-state (idle, running, done, failed) and data-match
// (yes, no).
import { appendAnsi, strip } from './ansi.js';
import { codeInputs, sessionInputs } from './blocks.js';
import { normalise } from './normalize.js';

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export class Snippet {
  // pre: the <pre class="otp-run">; output: its <pre class="otp-output">
  // (code blocks); group: {node(), reset(), observer(snippet)} from index.js.
  constructor(pre, output, group) {
    this.pre = pre;
    this.kind = pre.dataset.kind === 'code' ? 'code' : 'session';
    this.output = output;
    this.group = group;
    this.source = pre.textContent;
    this.expected = this.kind === 'code' ? (output?.textContent ?? '') : this.source;
    this.running = null;
    this.observer = null;  // {element, handle}

    this.root = el('div', 'otp-snippet');
    this.root.dataset.kind = this.kind;
    pre.replaceWith(this.root);
    this.runButton = el('button', 'otp-button otp-run-button', 'Run');
    this.runButton.type = 'button';
    this.runButton.title = this.kind === 'code' ? 'Run this block (Ctrl-Enter)' : 'Type these lines into the node';
    this.resetButton = el('button', 'otp-button otp-reset-button', 'Reset');
    this.resetButton.type = 'button';
    this.resetButton.title = 'Start a fresh node for this page\'s examples';
    this.observerButton = el('button', 'otp-button otp-observer-button', 'Observer');
    this.observerButton.type = 'button';
    this.observerButton.title = 'Show the node\'s applications and processes, live';
    this.observerButton.setAttribute('aria-expanded', 'false');
    this.status = el('span', 'otp-status');
    this.status.setAttribute('aria-live', 'polite');
    const bar = el('div', 'otp-toolbar');
    bar.append(this.runButton, this.resetButton, this.observerButton, this.status);
    this.root.append(bar, pre);
    if (this.kind === 'code') {
      pre.contentEditable = 'plaintext-only';
      pre.spellcheck = false;
      pre.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          this.run();
        }
      });
      this.caption = el('div', 'otp-caption', 'Expected output');
      this.root.append(this.caption);
      if (output) this.root.append(output);
    }
    this.renderSource();
    this.observerPane = el('div', 'otp-observer');
    this.observerPane.hidden = true;
    this.root.append(this.observerPane);

    this.runButton.addEventListener('click', () => (this.running ? this.stop() : this.run()));
    this.resetButton.addEventListener('click', () => this.group.reset());
    this.observerButton.addEventListener('click', () => this.toggleObserver());
    this.setState('idle');
  }

  setState(state, message = '') {
    this.root.dataset.state = state;
    this.status.textContent = message;
    this.runButton.textContent = state === 'running' ? 'Stop' : 'Run';
  }

  // A session's page text, inputs set apart from the expected output.
  renderSource() {
    if (this.kind !== 'session') {
      this.pre.textContent = this.source;
      return;
    }
    this.pre.textContent = '';
    for (const line of this.source.split(/(?<=\n)/)) {
      const m = /^(iex>|\.\.\.>)( ?)(.*)$/s.exec(line);
      if (m) this.pre.append(el('span', 'otp-prompt', m[1] + m[2]), el('span', 'otp-input', m[3]));
      else this.pre.append(el('span', 'otp-expected', line));
    }
  }

  // Shows the page's text again (after a Reset).
  restore() {
    this.renderSource();
    if (this.output) this.output.textContent = this.expected;
    if (this.caption) this.caption.textContent = 'Expected output';
    delete this.root.dataset.match;
    this.setState('idle');
  }

  async run() {
    if (this.running) return;
    this.running = Promise.resolve();  // taken: a second click is a Stop
    // A session types the page's lines; a code block what is in it now.
    const inputs = this.kind === 'code' ? codeInputs(this.pre.textContent) : sessionInputs(this.source);
    const view = this.kind === 'code' ? this.output : this.pre;
    let plain = '';
    const ansi = {};
    view.textContent = '';
    if (this.caption) this.caption.textContent = 'Output';
    delete this.root.dataset.match;
    const sink = {
      echo: (shown, line) => {
        if (this.kind !== 'session') return;
        const prompt = strip(shown);
        view.append(el('span', 'otp-prompt', prompt), el('span', 'otp-input', line), '\n');
        plain += `${prompt}${line}\n`;
      },
      output: (chunk) => {
        appendAnsi(view, chunk, ansi);
        plain += strip(chunk);
      },
      observer: () => this.openObserver(),
    };
    this.setState('running', this.group.started() ? 'running…' : 'loading the node…');
    try {
      const node = await this.group.node();
      this.running = node.type(inputs, sink);
      await this.running;
      const same = normalise(plain) === normalise(this.kind === 'code' ? this.expected : this.source);
      this.root.dataset.match = same ? 'yes' : 'no';
      this.setState('done', same ? '✓ as on the page' : 'differs from the page');
    } catch (e) {
      this.setState('failed', e.message);
    } finally {
      this.running = null;
    }
  }

  stop() {
    this.group.node().then((node) => node.interrupt());
  }

  async toggleObserver() {
    if (this.observer) {
      this.closeObserver();
      return;
    }
    await this.openObserver();
  }

  async openObserver() {
    if (this.observer) return;
    this.observer = { handle: null };
    this.observerPane.hidden = false;
    this.observerButton.setAttribute('aria-expanded', 'true');
    this.observerPane.textContent = 'loading the observer…';
    try {
      const node = await this.group.node();
      await node.start();
      const { mountObserver } = await import('../observer/index.js');
      if (!this.observer) return;
      this.observer.handle = mountObserver(this.observerPane, node.observerBridge());
    } catch (e) {
      this.observerPane.textContent = `The observer could not be opened: ${e.message}`;
    }
  }

  closeObserver() {
    this.observer?.handle?.destroy?.();
    this.observer = null;
    this.observerPane.hidden = true;
    this.observerPane.textContent = '';
    this.observerButton.setAttribute('aria-expanded', 'false');
  }
}
