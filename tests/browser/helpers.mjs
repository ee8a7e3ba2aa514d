// Helpers for the browser scenarios: type at the IEx prompt and poll the
// terminal's text. Polling only: every wait retries a check (in the page,
// every 10 ms) until it holds or the time is up, and a failure names what
// was expected beside the last text seen, as xterm.js's own pollFor does.
// The page exposes its terminal as window.__otp (web/src/main.js).

export const TIMEOUT_MS = Number(process.env.OTP_BROWSER_TIMEOUT_MS ?? 30000);

// The terminal's whole text (scrollback + screen, wrapped rows joined).
export function terminalText(page) {
  return page.evaluate(() => window.__otp.text());
}

function describe(expected) {
  return expected instanceof RegExp ? expected.toString() : JSON.stringify(expected);
}

// Waits until the terminal's text matches `expected` (a RegExp or a
// substring); returns the text.
export async function waitForText(page, expected, { timeout = TIMEOUT_MS } = {}) {
  const pattern = expected instanceof RegExp ? { source: expected.source, flags: expected.flags } : null;
  try {
    await page.waitForFunction(
      ({ pattern: p, text: t }) => {
        const s = window.__otp?.text?.() ?? '';
        return p ? new RegExp(p.source, p.flags).test(s) : s.includes(t);
      },
      { pattern, text: pattern ? null : expected },
      { polling: 10, timeout },
    );
  } catch (e) {
    const last = await terminalText(page).catch(() => '(page gone)');
    throw new Error(`expected the terminal to show ${describe(expected)} within ${timeout} ms\n` +
      `--- last terminal text ---\n${last}\n---`, { cause: e });
  }
  return terminalText(page);
}

// Waits for a condition on the page (a function evaluated there).
export async function waitFor(page, what, fn, arg, { timeout = TIMEOUT_MS } = {}) {
  try {
    await page.waitForFunction(fn, arg, { polling: 10, timeout });
  } catch (e) {
    const last = await terminalText(page).catch(() => '(page gone)');
    throw new Error(`expected ${what} within ${timeout} ms\n--- last terminal text ---\n${last}\n---`, { cause: e });
  }
}

// Waits for the node's prompt ("iex(N)> ") to be on screen and editable.
export function waitForPrompt(page, opts) {
  return waitFor(page, 'an IEx prompt', () => window.__otp?.promptShown?.() === true, null, opts);
}

// Types a line at the terminal and presses Enter.
export async function typeLine(page, line) {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

// Types `line` at the next prompt and waits for `expected` in the output.
export async function evaluate(page, line, expected) {
  await waitForPrompt(page);
  await typeLine(page, line);
  return waitForText(page, expected);
}

export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}
