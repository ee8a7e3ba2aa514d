// The snippet embedder: include this script (and embed.css) in any static
// page and every <pre class="otp-run"> becomes a runnable snippet
// (snippet.js). docs/embedding.md documents the markup and the options.
//
// Snippets share one node per page, so a module defined by one block is
// there for the next, as a tutorial needs; a block with data-node="fresh"
// gets a node of its own. Nothing heavy loads with the page: the node's
// code (node.js, the worker, the .wasm) is fetched on the first Run or
// Observer click. The page stays responsive while it loads and runs: the
// node lives in a Web Worker.
//
// window.OtpEmbed.embed(root) enhances blocks added later (it skips the
// ones already done); window.OtpEmbed.snippets lists them.
import './embed.css';
import { Snippet } from './snippet.js';

let nodeModule = null;  // import('./node.js'), on first need

class Group {
  constructor() {
    this.snippets = [];
    this.pageNode = null;
  }

  started() {
    return this.pageNode !== null && this.pageNode.started !== null;
  }

  async node() {
    if (!this.pageNode) {
      nodeModule ??= import('./node.js');
      const { PageNode } = await nodeModule;
      this.pageNode ??= new PageNode({
        onStatus: (text, kind) => {
          for (const s of this.snippets) {
            if (s.running && kind !== 'error') s.status.textContent = text === 'node running' ? 'running…' : text;
          }
        },
        onObserver: () => this.snippets[0]?.openObserver(),
      });
    }
    return this.pageNode;
  }

  async reset() {
    for (const s of this.snippets) s.restore();
    if (this.pageNode?.started) await (await this.node()).restart();
  }
}

const pageGroup = new Group();
const snippets = [];

export function embed(root = document) {
  const found = [];
  for (const pre of root.querySelectorAll('pre.otp-run')) {
    if (pre.dataset.otpEmbedded) continue;
    pre.dataset.otpEmbedded = 'yes';
    const next = pre.nextElementSibling;
    const output = pre.dataset.kind === 'code' && next?.matches('pre.otp-output') ? next : null;
    const group = pre.dataset.node === 'fresh' ? new Group() : pageGroup;
    const snippet = new Snippet(pre, output, group);
    group.snippets.push(snippet);
    snippets.push(snippet);
    found.push(snippet);
  }
  return found;
}

window.OtpEmbed = { embed, snippets };

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => embed());
else embed();
