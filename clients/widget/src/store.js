// The conversation kept in localStorage under one namespaced key per assistant server:
// the session id (Rasa's sender id) and the last MAX_MESSAGES messages, so a reload restores both.
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
  }

  add(message) {
    const kept = { from: message.from, text: String(message.text).slice(0, MAX_CHARS) };
    if (message.buttons && message.buttons.length) kept.buttons = message.buttons.slice(0, 10);
    this.messages.push(kept);
    if (this.messages.length > MAX_MESSAGES) this.messages.splice(0, this.messages.length - MAX_MESSAGES);
    this.save();
    return kept;
  }

  /** Start afresh: a new session id and no history. */
  reset() {
    this.session = newSessionId();
    this.messages = [];
    this.save();
  }

  save() {
    let messages = this.messages;
    while (true) {
      try {
        window.localStorage.setItem(this.key, JSON.stringify({ session: this.session, messages }));
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
    && (message.feedback === undefined || typeof message.feedback === "string");
}

function newSessionId() {
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
