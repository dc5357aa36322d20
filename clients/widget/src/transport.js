// Talking to Rasa: its socket.io channel when connected, its REST channel otherwise (the socket is
// still connecting, the server refuses it, or a proxy blocks WebSockets and long-polling).
// Both use the same session id as Rasa's sender id, so the conversation is one either way.
//
// The connection state ("connecting", "online", "offline") is what the person can count on: online
// when the socket is connected or the REST channel answered last; offline when neither does. While
// offline, socket.io reconnects by itself and the REST channel is asked again (GET /webhooks/rest/)
// with a growing pause (2 s … 10 s), so the state comes back without a reload.
import { io } from "socket.io-client";

const REPLY_TIMEOUT_MS = 60000;
const PROBE_TIMEOUT_MS = 8000;
const PROBE_FIRST_MS = 1500;
const PROBE_DELAYS_MS = [2000, 4000, 8000, 10000];

export class Transport {
  /**
   * @param {string} server  e.g. "https://asistente.example.org"
   * @param {() => string} session  the current session id
   * @param {{onMessage: (m: {text: string, buttons: Array}) => void, onError: (token: any) => void,
   *          onIdle: () => void, onStatus: (state: string) => void}} handlers
   */
  constructor(server, session, handlers) {
    this.server = server;
    this.session = session;
    this.handlers = handlers;
    this.socket = null;
    this.waiting = null;
    this.outstanding = []; // tokens of what was sent over the socket and not yet answered
    this.lastSent = 0;
    this.state = "connecting";
    this.restOk = false;
    this.probing = false;
    this.probeTimer = null;
    this.probeAttempt = 0;
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
    socket.on("connect", () => {
      socket.emit("session_request", { session_id: this.session() });
      this.status("online");
    });
    socket.on("connect_error", () => {
      if (!this.restOk) this.probe();
    });
    socket.on("disconnect", () => {
      this.fail(this.outstanding.splice(0));
      this.restOk = false;
      this.probe();
    });
    socket.on("bot_uttered", (data) => {
      // Rasa sends a session's replies to every socket in its room, so to each open tab of the site:
      // a tab shows only the replies to what it asked itself.
      if (Date.now() - this.lastSent > REPLY_TIMEOUT_MS) return;
      this.settle();
      const message = normalise(data);
      if (message) this.handlers.onMessage(message);
    });
    if (typeof window !== "undefined") window.addEventListener("online", () => this.probe(true));
    this.socket = socket;
    // not connected in a moment: does the REST channel answer? (a proxy may hold a WebSocket until its
    // timeout; a socket that connects at once costs the server no extra request)
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      this.probe();
    }, PROBE_FIRST_MS);
  }

  /** After a new session id: the socket must join its room. */
  renew() {
    if (this.socket && this.socket.connected) this.socket.emit("session_request", { session_id: this.session() });
  }

  /** Send `message`; `token` comes back in `onError` if it could not be delivered. */
  send(message, token) {
    this.lastSent = Date.now();
    if (this.socket && this.socket.connected) {
      this.socket.emit("user_uttered", { message, session_id: this.session() });
      this.outstanding.push(token);
      this.arm();
      return;
    }
    this.rest(message, token);
  }

  rest(message, token) {
    request(this.server + "/webhooks/rest/webhook", REPLY_TIMEOUT_MS, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: this.session(), message }),
    })
      .then((reply) => {
        if (!reply.ok) throw new Error("HTTP " + reply.status);
        return reply.json();
      })
      .then((replies) => {
        this.restOk = true;
        this.status("online");
        const messages = (Array.isArray(replies) ? replies : []).map(normalise).filter(Boolean);
        messages.forEach((m) => this.handlers.onMessage(m));
        this.handlers.onIdle();
      })
      .catch(() => {
        this.restOk = false;
        this.fail([token]);
        this.probe();
      });
  }

  /**
   * Is the assistant reachable another way while the socket is not connected? Ask the REST channel;
   * while it does not answer, ask again later (socket.io is reconnecting meanwhile on its own).
   */
  probe(now = false) {
    if (this.socket && this.socket.connected) return;
    if (this.probing || (this.probeTimer && !now)) return;
    clearTimeout(this.probeTimer);
    this.probeTimer = null;
    this.probing = true;
    request(this.server + "/webhooks/rest/", PROBE_TIMEOUT_MS, { method: "GET" })
      .then((reply) => reply.ok)
      .catch(() => false)
      .then((ok) => {
        this.probing = false;
        if (this.socket && this.socket.connected) return;
        this.restOk = ok;
        this.status(ok ? "online" : "offline");
        if (ok) {
          this.probeAttempt = 0;
          return;
        }
        // a socket the server refused does not reconnect by itself: try it again with the probe
        if (this.socket && !this.socket.active) this.socket.connect();
        const delay = PROBE_DELAYS_MS[Math.min(this.probeAttempt, PROBE_DELAYS_MS.length - 1)];
        this.probeAttempt += 1;
        this.probeTimer = setTimeout(() => {
          this.probeTimer = null;
          this.probe();
        }, delay);
      });
  }

  status(state) {
    if (state === "online") {
      clearTimeout(this.probeTimer);
      this.probeTimer = null;
      this.probeAttempt = 0;
    }
    if (state === this.state) return;
    this.state = state;
    if (this.handlers.onStatus) this.handlers.onStatus(state);
  }

  fail(tokens) {
    if (!tokens.length) return;
    if (!this.outstanding.length) this.settle();
    this.status(this.socket && this.socket.connected ? "online" : "offline");
    tokens.forEach((token) => this.handlers.onError(token));
  }

  arm() {
    clearTimeout(this.waiting);
    this.waiting = setTimeout(() => {
      this.waiting = null;
      this.fail(this.outstanding.splice(0));
    }, REPLY_TIMEOUT_MS);
  }

  settle() {
    if (this.waiting) clearTimeout(this.waiting);
    this.waiting = null;
    this.outstanding = [];
  }
}

/** fetch with a time limit and no cookies. */
function request(url, timeout, options) {
  const controller = typeof AbortController === "function" ? new AbortController() : null;
  const timer = setTimeout(() => controller && controller.abort(), timeout);
  return fetch(url, { ...options, credentials: "omit", signal: controller ? controller.signal : undefined })
    .finally(() => clearTimeout(timer));
}

/** Rasa's socket.io `{text, quick_replies}` and REST `{text, buttons}` → `{text, buttons}`. */
export function normalise(data) {
  if (!data || typeof data !== "object") return null;
  const raw = Array.isArray(data.quick_replies) && data.quick_replies.length ? data.quick_replies
    : Array.isArray(data.buttons) ? data.buttons : [];
  const buttons = raw
    .filter((b) => b && typeof b.title === "string"
      && (typeof b.payload === "string" || typeof b.url === "string"))
    .map((b) => ({ title: b.title, payload: typeof b.payload === "string" ? b.payload : b.url }));
  let text = typeof data.text === "string" ? data.text : "";
  if (!text && typeof data.image === "string") text = data.image;
  if (!text && data.attachment && data.attachment.payload && typeof data.attachment.payload.src === "string") {
    text = data.attachment.payload.src;
  }
  if (!text.trim() && !buttons.length) return null;
  return { text, buttons };
}
