// Talking to Rasa: its socket.io channel when connected, its REST channel otherwise (the socket is
// still connecting, the server refuses it, or a proxy blocks WebSockets and long-polling).
// Both use the same session id as Rasa's sender id, so the conversation is one either way.
import { io } from "socket.io-client";

const REPLY_TIMEOUT_MS = 60000;

export class Transport {
  /**
   * @param {string} server  e.g. "https://asistente.example.org"
   * @param {() => string} session  the current session id
   * @param {{onMessage: (m: {text: string, buttons: Array}) => void, onError: () => void,
   *          onIdle: () => void}} handlers
   */
  constructor(server, session, handlers) {
    this.server = server;
    this.session = session;
    this.handlers = handlers;
    this.socket = null;
    this.waiting = null;
    this.lastSent = 0;
  }

  /** Open the socket (once); later calls do nothing. */
  connect() {
    if (this.socket) return;
    const socket = io(this.server, {
      path: "/socket.io",
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      timeout: 8000,
      reconnectionDelayMax: 10000,
    });
    socket.on("connect", () => socket.emit("session_request", { session_id: this.session() }));
    socket.on("bot_uttered", (data) => {
      // Rasa sends a session's replies to every socket in its room, so to each open tab of the site:
      // a tab shows only the replies to what it asked itself.
      if (Date.now() - this.lastSent > REPLY_TIMEOUT_MS) return;
      this.settle();
      const message = normalise(data);
      if (message) this.handlers.onMessage(message);
    });
    this.socket = socket;
  }

  /** After a new session id: the socket must join its room. */
  renew() {
    if (this.socket && this.socket.connected) this.socket.emit("session_request", { session_id: this.session() });
  }

  send(message) {
    this.lastSent = Date.now();
    if (this.socket && this.socket.connected) {
      this.socket.emit("user_uttered", { message, session_id: this.session() });
      this.arm();
      return;
    }
    this.rest(message);
  }

  rest(message) {
    const controller = typeof AbortController === "function" ? new AbortController() : null;
    const timer = setTimeout(() => controller && controller.abort(), REPLY_TIMEOUT_MS);
    fetch(this.server + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: this.session(), message }),
      credentials: "omit",
      signal: controller ? controller.signal : undefined,
    })
      .then((reply) => {
        if (!reply.ok) throw new Error("HTTP " + reply.status);
        return reply.json();
      })
      .then((replies) => {
        const messages = (Array.isArray(replies) ? replies : []).map(normalise).filter(Boolean);
        messages.forEach((m) => this.handlers.onMessage(m));
        this.handlers.onIdle();
      })
      .catch(() => this.handlers.onError())
      .finally(() => clearTimeout(timer));
  }

  arm() {
    clearTimeout(this.waiting);
    this.waiting = setTimeout(() => {
      this.waiting = null;
      this.handlers.onError();
    }, REPLY_TIMEOUT_MS);
  }

  settle() {
    if (this.waiting) clearTimeout(this.waiting);
    this.waiting = null;
  }
}

/** Rasa's socket.io `{text, quick_replies}` and REST `{text, buttons}` → `{text, buttons}`. */
export function normalise(data) {
  if (!data || typeof data !== "object") return null;
  const raw = Array.isArray(data.quick_replies) && data.quick_replies.length ? data.quick_replies
    : Array.isArray(data.buttons) ? data.buttons : [];
  const buttons = raw
    .filter((b) => b && typeof b.title === "string" && typeof b.payload === "string")
    .map((b) => ({ title: b.title, payload: b.payload }));
  let text = typeof data.text === "string" ? data.text : "";
  if (!text && typeof data.image === "string") text = data.image;
  if (!text && data.attachment && data.attachment.payload && typeof data.attachment.payload.src === "string") {
    text = data.attachment.payload.src;
  }
  if (!text.trim() && !buttons.length) return null;
  return { text, buttons };
}
