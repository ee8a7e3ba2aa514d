// Input history, kept across reloads in a Storage (the page passes
// window.localStorage; tests pass a Map-backed stand-in). Oldest entry
// first; blank lines and a repeat of the newest entry are not kept; at most
// `max` entries. Up/Down walk it like readline: leaving the line being
// typed (the draft) and coming back to it with Down.
//
// Several tabs share the storage: add() re-reads it before appending, so
// lines entered in another tab are not overwritten (the walk of a tab uses
// what it had when the walk began).

export const HISTORY_KEY = 'otp-playground.history.v1';

export class History {
  constructor(storage, { key = HISTORY_KEY, max = 500 } = {}) {
    this.storage = storage;
    this.key = key;
    this.max = max;
    this.entries = this.load() ?? [];
    this.index = this.entries.length;  // == length: at the draft
    this.draft = '';
  }

  // The stored entries, or null when the storage cannot be read.
  load() {
    try {
      if (!this.storage) return null;
      const raw = this.storage.getItem(this.key);
      const list = raw ? JSON.parse(raw) : [];
      return Array.isArray(list) ? list.filter((e) => typeof e === 'string') : [];
    } catch {
      return null;
    }
  }

  add(line) {
    this.entries = this.load() ?? this.entries;
    if (line.trim() !== '' && this.entries[this.entries.length - 1] !== line) {
      this.entries.push(line);
      if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
      try {
        this.storage?.setItem(this.key, JSON.stringify(this.entries));
      } catch {
        // full or disabled storage: the history lives for this page only
      }
    }
    this.reset();
  }

  reset() {
    this.index = this.entries.length;
    this.draft = '';
  }

  // The previous entry (Up), or undefined at the oldest. `current` is the
  // line on screen, kept as the draft when the walk starts.
  previous(current) {
    if (this.index === 0) return undefined;
    if (this.index === this.entries.length) this.draft = current;
    this.index -= 1;
    return this.entries[this.index];
  }

  // The next entry (Down), the draft after the newest, undefined past it.
  next() {
    if (this.index >= this.entries.length) return undefined;
    this.index += 1;
    return this.index === this.entries.length ? this.draft : this.entries[this.index];
  }
}
