// The conversation kept in localStorage under one namespaced key per assistant server:
// the session id (Rasa's sender id) and the last MAX_MESSAGES messages, so a reload restores both.
// A message is `{from: "user"|"bot", text, at (ms), buttons?, payload? (what was sent, when not the text),
// unsent? (could not be delivered), feedback?/reason? (the 👍/👎 or the reason chosen under it)}`.
// Storage may be missing or full (private windows, quotas): the widget then keeps them in memory.

export const MAX_MESSAGES = 60;
const MAX_CHARS = 6000;

export function storageKey(server) {
  return "ga-chat-widget:v1:" + server;
}

export class Store {
  constructor(server) {
    this.key = storageKey(server);
    const saved = read(this.key);
    this.session = saved && typeof saved.session === "string" && /^[\w-]{8,64}$/.test(saved.session)
      ? saved.session : newSessionId();
    this.messages = saved && Array.isArray(saved.messages)
      ? saved.messages.filter(valid).slice(-MAX_MESSAGES) : [];
    // when this conversation was first shown (the greeting's time)
    this.started = saved && Number.isFinite(saved.started) ? saved.started : Date.now();
  }

  /** Keep a message: `{from, text, buttons?, payload?}`, stamped with the time it was said (`at`, ms). */
  add(message) {
    const kept = { from: message.from, text: String(message.text).slice(0, MAX_CHARS), at: Date.now() };
    if (message.buttons && message.buttons.length) kept.buttons = message.buttons.slice(0, 10);
    if (typeof message.payload === "string" && message.payload !== kept.text) kept.payload = message.payload;
    this.messages.push(kept);
    if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
    this.save();
    return kept;
  }

  /** Start afresh: a new session id and no history. */
  reset() {
    this.session = newSessionId();
    this.messages = [];
    this.started = Date.now();
    this.save();
  }

  remove(message) {
    const at = this.messages.indexOf(message);
    if (at >= 0) this.messages.splice(at, 1);
    this.save();
  }

  save() {
    let messages = this.messages;
    while (true) {
      try {
        window.localStorage.setItem(this.key, JSON.stringify({ session: this.session, started: this.started, messages }));
        return;
      } catch (_) {
        if (!messages.length) return; // no storage at all: memory only
        messages = messages.slice(Math.ceil(messages.length / 2));
      }
    }
  }
}

function read(key) {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? JSON.parse(raw) : null;
  } catch (_) {
    return null;
  }
}

function valid(message) {
  return message && (message.from === "user" || message.from === "bot") && typeof message.text === "string"
    && (message.buttons === undefined || (Array.isArray(message.buttons)
      && message.buttons.every((b) => b && typeof b.title === "string" && typeof b.payload === "string")))
    && (message.feedback === undefined || typeof message.feedback === "string")
    && (message.reason === undefined || typeof message.reason === "string")
    && (message.payload === undefined || typeof message.payload === "string")
    && (message.at === undefined || Number.isFinite(message.at))
    && (message.unsent === undefined || typeof message.unsent === "boolean");
}

function newSessionId() {
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
