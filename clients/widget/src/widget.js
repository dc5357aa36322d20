// The embeddable chat widget. A site adds one tag:
//   <script src="https://…/widget.js" data-server="https://…"></script>
// optional: data-title="…" (the panel's title), data-lang="es"|"en" (the widget's own labels).
// Everything is drawn in a shadow root, out of the host page's CSS; message text is only ever set
// with text nodes and DOM properties, never parsed as HTML. The starter questions under the greeting
// come from clients/starters.json (shared with the Telegram bridge), bundled at build time.
import STARTERS from "../../starters.json";
import css from "./widget.css";
import { Store } from "./store.js";
import {
  blocks, clock, dateAndClock, isSourceOnly, linkPieces, safeHref, splitSource, transcript,
} from "./text.js";
import { Transport } from "./transport.js";

const STRINGS = {
  es: {
    title: "Asistente de Gobierno Abierto",
    launcher: "Abrir o cerrar el chat con el asistente",
    close: "Cerrar el chat",
    reset: "Nueva conversación",
    resetLabel: "Borrar esta conversación y empezar otra",
    download: "Descargar",
    downloadLabel: "Descargar la conversación como texto (.txt)",
    log: "Conversación con el asistente",
    you: "Tú dijiste:",
    bot: "El asistente dijo:",
    at: "a las",
    source: "Fuente de la respuesta:",
    input: "Escribe tu pregunta",
    send: "Enviar",
    typing: "El asistente está escribiendo…",
    feedback: "¿Te sirvió esta respuesta?",
    useful: "Me sirvió",
    notUseful: "No me sirvió",
    reasons: "¿Qué faltó?",
    suggestions: "Sugerencias",
    starters: "Preguntas para empezar",
    links: "Enlaces",
    newTab: "(se abre en otra pestaña)",
    copy: "Copiar",
    copyLabel: "Copiar esta respuesta",
    copied: "Copiado",
    copyFailed: "No se pudo copiar",
    state: { connecting: "Conectando…", online: "Conectado", offline: "Sin conexión, reintentando…" },
    unsent: "No enviado: no pude comunicarme con el asistente.",
    retry: "Reintentar",
    feedbackFailed: "No pude enviar tu valoración: no pude comunicarme con el asistente.",
    hello: "¡Hola! Soy el asistente virtual de Gobierno Abierto. Escribe tu pregunta, por ejemplo: "
      + "«¿Cuántos STL hay?». Para saber cómo trato tus datos, escribe «privacidad».",
    file: { name: "conversacion-gobierno-abierto", downloaded: "Descargada el", you: "Tú", bot: "Asistente",
      unsent: "no enviado", rated: "tu valoración:" },
  },
  en: {
    title: "Open Government assistant",
    launcher: "Open or close the chat with the assistant",
    close: "Close the chat",
    reset: "New conversation",
    resetLabel: "Delete this conversation and start another",
    download: "Download",
    downloadLabel: "Download the conversation as text (.txt)",
    log: "Conversation with the assistant",
    you: "You said:",
    bot: "The assistant said:",
    at: "at",
    source: "Source of the answer:",
    input: "Type your question",
    send: "Send",
    typing: "The assistant is typing…",
    feedback: "Was this answer useful?",
    useful: "Useful",
    notUseful: "Not useful",
    reasons: "What was missing?",
    suggestions: "Suggestions",
    starters: "Questions to start with",
    links: "Links",
    newTab: "(opens in a new tab)",
    copy: "Copy",
    copyLabel: "Copy this answer",
    copied: "Copied",
    copyFailed: "Could not copy",
    state: { connecting: "Connecting…", online: "Connected", offline: "Offline, retrying…" },
    unsent: "Not sent: I could not reach the assistant.",
    retry: "Retry",
    feedbackFailed: "Your rating was not sent: I could not reach the assistant.",
    hello: "Hello! I am the Open Government assistant. I answer in Spanish: ask, for example, "
      + "«¿Cuántos STL hay?». To learn how your data is handled, type «privacidad».",
    file: { name: "open-government-conversation", downloaded: "Downloaded on", you: "You", bot: "Assistant",
      unsent: "not sent", rated: "your rating:" },
  },
};

const FEEDBACK = /^\/feedback\b/; // 👍/👎: `/feedback{"valor": …}` (not `/feedback_motivo`)
const REASON = /^\/feedback_motivo\b/; // a reason after 👎: `/feedback_motivo{"motivo": …}`
const COARSE = "(pointer: coarse)"; // a touch screen: focusing the input would open the keyboard
const TAG = "ga-chat-widget";
const script = document.currentScript;

function config(tag) {
  if (!tag) return null;
  const raw = (tag.getAttribute("data-server") || "").trim();
  let server;
  try {
    const url = new URL(raw || tag.src);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(url.protocol);
    server = raw ? url.href.replace(/\/+$/, "") : url.origin;
  } catch (_) {
    console.error("[" + TAG + "] data-server must be an http(s) URL, not " + JSON.stringify(raw));
    return null;
  }
  const lang = (tag.getAttribute("data-lang") || "es").toLowerCase().slice(0, 2);
  const strings = STRINGS[lang] || STRINGS.es;
  const title = (tag.getAttribute("data-title") || "").trim().slice(0, 80) || strings.title;
  return { server, lang: STRINGS[lang] ? lang : "es", strings, title };
}

/** `h("div", {class: "x", "aria-label": "y"}, child, …)`: attributes and text, never HTML. */
function h(name, attributes, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === false || value == null) continue;
    node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child == null || child === false) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function icon(path) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const shape = document.createElementNS(ns, "path");
  shape.setAttribute("d", path);
  svg.append(shape);
  return svg;
}

const CHAT_ICON = "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8.8L4.6 21.4A1 1 0 0 1 3 20.6V5a2 2 0 0 1 1-2z"
  + "M7 8.5h10v1.6H7zm0 3.6h7v1.6H7z";
const CLOSE_ICON = "M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7 4.3 4.3"
  + "l6.3 6.3 6.3-6.3z";

/** Text with its http(s) links as <a> elements made with DOM APIs. */
function linked(text, strings) {
  const fragment = document.createDocumentFragment();
  for (const piece of linkPieces(text)) {
    if (!piece.href) {
      fragment.append(document.createTextNode(piece.text));
      continue;
    }
    const a = document.createElement("a");
    a.href = piece.href;
    a.textContent = piece.text;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.append(h("span", { class: "sr" }, " " + strings.newTab));
    fragment.append(a);
  }
  return fragment;
}

/** A button whose payload is an http(s) address: a link, never sent to the assistant. */
function linkOf(button) {
  const value = button.payload.trim();
  return /^https?:\/\//i.test(value) ? safeHref(value) : null;
}

function starters() {
  return (Array.isArray(STARTERS) ? STARTERS : [])
    .filter((b) => b && typeof b.title === "string" && typeof b.payload === "string");
}

class Widget {
  constructor(settings) {
    this.settings = settings;
    this.strings = settings.strings;
    this.store = new Store(settings.server);
    this.transport = new Transport(settings.server, () => this.store.session, {
      onMessage: (message) => this.receive(message),
      onIdle: () => this.typing(false),
      onError: (undelivered) => undelivered(),
      onStatus: (state) => this.showState(state),
    });
    this.panel = null;
    this.nodes = new WeakMap(); // message → its node in the log

    this.host = document.createElement(TAG);
    // The host box is fixed and empty: it takes no room in the page, so nothing there moves.
    for (const [property, value] of [["all", "initial"], ["position", "fixed"], ["top", "0"],
      ["left", "0"], ["width", "0"], ["height", "0"], ["margin", "0"], ["padding", "0"],
      ["border", "0"], ["z-index", "2147483000"], ["display", "block"], ["overflow", "visible"]]) {
      this.host.style.setProperty(property, value, "important");
    }
    this.root = this.host.attachShadow({ mode: "open" });
    this.addStyles();
    this.launcher = h("button", {
      type: "button", class: "launcher", "aria-label": settings.title, title: this.strings.launcher,
      "aria-haspopup": "dialog", "aria-expanded": "false",
    }, icon(CHAT_ICON));
    this.launcher.addEventListener("click", () => (this.isOpen() ? this.close() : this.open()));
    this.frame = h("div", { class: "root", lang: settings.lang }, this.launcher);
    this.root.append(this.frame);
    this.root.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && this.isOpen()) {
        event.stopPropagation();
        this.close();
      }
    });
    document.body.append(this.host);
  }

  addStyles() {
    // Constructable style sheets where there are (no inline <style>, so a strict CSP is fine).
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      this.root.adoptedStyleSheets = [sheet];
    } catch (_) {
      this.root.append(h("style", {}, css));
    }
  }

  isOpen() {
    return Boolean(this.panel && !this.panel.hidden);
  }

  build() {
    const s = this.strings;
    const titleId = "ga-title";
    this.log = h("div", { class: "log", role: "log", "aria-live": "polite", "aria-label": s.log });
    this.typingLine = h("div", { class: "typing", role: "status", hidden: true },
      h("span", { class: "sr" }, s.typing),
      h("span", { class: "dots", "aria-hidden": "true" }, h("i"), h("i"), h("i")));
    this.scroller = h("div", { class: "scroll" }, this.log, this.typingLine);
    this.input = h("input", {
      id: "ga-input", type: "text", name: "pregunta", autocomplete: "off", enterkeyhint: "send",
      placeholder: s.input,
    });
    const form = h("form", { class: "form" },
      h("label", { class: "sr", for: "ga-input" }, s.input),
      this.input,
      h("button", { type: "submit", class: "send" }, s.send));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (!text) return;
      this.input.value = "";
      this.say(text, text);
    });
    // their names are their visible text (WCAG 2.5.3); the titles say more
    const download = h("button", { type: "button", class: "tool", title: s.downloadLabel }, s.download);
    download.addEventListener("click", () => this.download());
    const reset = h("button", { type: "button", class: "tool", title: s.resetLabel }, s.reset);
    reset.addEventListener("click", () => this.reset());
    const close = h("button", { type: "button", class: "icon-button", "aria-label": s.close,
      title: s.close }, icon(CLOSE_ICON));
    close.addEventListener("click", () => this.close());
    this.stateText = h("span", { class: "state-text" });
    this.stateLine = h("p", { class: "state", role: "status" },
      h("span", { class: "dot", "aria-hidden": "true" }), this.stateText);
    // says «Copiado» and the like, politely, without moving focus
    this.announcer = h("div", { class: "sr", role: "status" });
    this.panel = h("div", { class: "panel", role: "dialog", "aria-labelledby": titleId, hidden: true,
      id: "ga-panel", tabindex: "-1" },
    h("div", { class: "header" },
      h("div", { class: "top" },
        h("div", { class: "heading" }, h("h2", { id: titleId }, this.settings.title), this.stateLine),
        close),
      h("div", { class: "tools" }, download, reset)),
    this.scroller,
    form,
    this.announcer);
    this.launcher.setAttribute("aria-controls", "ga-panel");
    this.frame.insertBefore(this.panel, this.launcher);
    this.showState(this.transport.state);
    this.renderAll();
  }

  open() {
    if (!this.panel) this.build();
    this.panel.hidden = false;
    this.launcher.setAttribute("aria-expanded", "true");
    this.focusInput();
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.transport.connect();
  }

  /**
   * Focus the question box, except on a touch screen, where that would open the on-screen keyboard
   * over the panel: there the panel itself takes the focus (screen readers start in it).
   */
  focusInput() {
    const coarse = typeof window.matchMedia === "function" && window.matchMedia(COARSE).matches;
    if (coarse) this.panel.focus({ preventScroll: true });
    else this.input.focus();
  }

  close() {
    if (!this.panel) return;
    this.panel.hidden = true;
    this.launcher.setAttribute("aria-expanded", "false");
    this.launcher.focus();
  }

  reset() {
    this.store.reset();
    this.transport.renew();
    this.typing(false);
    this.renderAll();
    this.focusInput();
  }

  showState(state) {
    if (!this.stateLine) return;
    this.stateLine.setAttribute("data-state", state);
    this.stateText.textContent = this.strings.state[state] || "";
  }

  announce(text) {
    this.announcer.textContent = "";
    // a fresh text node a moment later, so the same words are announced again
    setTimeout(() => { this.announcer.textContent = text; }, 50);
  }

  clearSuggestions() {
    this.log.querySelectorAll(".quick").forEach((group) => group.remove());
  }

  /** The person says something: `shown` in the log, `payload` to Rasa. */
  say(shown, payload) {
    this.clearSuggestions();
    const message = this.store.add({ from: "user", text: shown, payload });
    this.append(this.render(message));
    this.deliver(message);
  }

  deliver(message) {
    this.typing(true);
    this.transport.send(message.payload || message.text, () => this.notSent(message));
  }

  /** It could not be delivered: the bubble stays, marked, with a «Reintentar» button. */
  notSent(message) {
    this.typing(false);
    message.unsent = true;
    this.store.save();
    this.redraw(message);
    this.lastNode = null; // a later "Fuente:" part never joins it
  }

  /** Send an undelivered message again, as the newest message. */
  retry(message) {
    const node = this.nodes.get(message);
    if (node) node.remove();
    this.store.remove(message);
    this.say(message.text, message.payload || message.text);
    this.focusInput();
  }

  redraw(message, withQuickReplies = true) {
    const old = this.nodes.get(message);
    const node = this.render(message, withQuickReplies);
    if (old && old.isConnected) old.replaceWith(node);
    if (this.lastNode === old) this.lastNode = node;
    return node;
  }

  receive(incoming) {
    this.typing(false);
    const messages = this.store.messages;
    const last = messages[messages.length - 1];
    // socket.io sends "\n\n"-separated parts apart: a part that is only a "Fuente:" line goes under
    // the answer it belongs to, with that answer's buttons.
    if (last && last.from === "bot" && isSourceOnly(incoming.text) && !splitSource(last.text).source
        && this.lastNode && this.nodes.get(last) === this.lastNode) {
      last.text = last.text + "\n" + incoming.text;
      if (incoming.buttons.length) last.buttons = incoming.buttons;
      this.store.save();
      this.redraw(last);
      return;
    }
    if (incoming.buttons.some((b) => !FEEDBACK.test(b.payload) && !linkOf(b))) this.clearSuggestions();
    const message = this.store.add({ from: "bot", text: incoming.text, buttons: incoming.buttons });
    this.append(this.render(message), true);
  }

  typing(on) {
    if (this.typingLine) this.typingLine.hidden = !on;
    if (on && this.scroller) this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  renderAll() {
    const s = this.strings;
    const messages = this.store.messages;
    const greeting = this.render({ from: "bot", text: s.hello, at: this.store.started }, false, true);
    if (!messages.some((m) => m.from === "user") && starters().length) {
      const group = h("div", { class: "quick starters", role: "group", "aria-label": s.starters });
      for (const starter of starters()) {
        // a question sent as if typed: the bubble shows the question itself
        group.append(this.quickButton(starter.title, () => this.say(starter.payload, starter.payload)));
      }
      greeting.append(group);
    }
    this.log.replaceChildren(greeting);
    this.lastNode = null;
    messages.forEach((message, i) => this.append(this.render(message, i === messages.length - 1)));
  }

  append(node, reading) {
    this.log.append(node);
    this.lastNode = node;
    if (!this.scroller) return;
    // Show the start of a new answer (long answers are read from the top); else the end.
    this.scroller.scrollTop = reading ? node.offsetTop - 8 : this.scroller.scrollHeight;
  }

  /** "a las 14:05" under a message: a <time> with the full date and time in `datetime`. */
  stamp(ms) {
    if (!Number.isFinite(ms)) return null;
    return h("time", { datetime: new Date(ms).toISOString(), title: dateAndClock(ms) },
      h("span", { class: "sr" }, this.strings.at + " "), clock(ms));
  }

  render(message, withQuickReplies = true, greeting = false) {
    const s = this.strings;
    let node;
    if (message.from === "user") {
      const meta = h("div", { class: "meta" }, this.stamp(message.at));
      node = h("div", { class: message.unsent ? "msg user unsent" : "msg user" },
        h("div", { class: "bubble" }, h("span", { class: "sr" }, s.you + " "),
          h("p", { class: "text" }, message.text)),
        meta);
      if (message.unsent) {
        const retry = h("button", { type: "button", class: "retry" }, s.retry);
        retry.addEventListener("click", () => this.retry(message));
        meta.append(h("span", { class: "warning" }, s.unsent), retry);
      }
      this.nodes.set(message, node);
      return node;
    }
    const { answer, source } = splitSource(message.text);
    const bubble = h("div", { class: "bubble" }, h("span", { class: "sr" }, s.bot + " "));
    // an answer that followed a leading "Según …," starts in lower case: shown capitalised (CSS only)
    const afterSource = Boolean(source && message.text.trimStart().startsWith(source));
    if (answer) bubble.append(this.answerText(answer, afterSource));
    if (source) {
      const label = /^fuente/i.test(source) ? null : h("span", { class: "sr" }, s.source + " ");
      bubble.append(h("p", { class: "source" }, label, linked(source, s)));
    }
    const meta = h("div", { class: "meta" }, this.stamp(message.at));
    const buttons = message.buttons || [];
    // «Copiar» under answers: those with a source or a rating, or long ones; not under «¿Qué faltó?»
    if (!greeting && (source || buttons.some((b) => FEEDBACK.test(b.payload)) || message.text.length > 140)) {
      const copy = h("button", { type: "button", class: "copy", title: s.copyLabel }, s.copy);
      copy.addEventListener("click", () => this.copy(message.text, copy));
      meta.append(copy);
    }
    node = h("div", { class: "msg bot" }, bubble, meta);
    const feedback = buttons.filter((b) => FEEDBACK.test(b.payload));
    const reasons = buttons.filter((b) => REASON.test(b.payload));
    const links = buttons.filter((b) => !FEEDBACK.test(b.payload) && linkOf(b));
    const others = buttons.filter((b) => !FEEDBACK.test(b.payload) && !REASON.test(b.payload) && !linkOf(b));
    if (feedback.length) node.append(this.feedbackButtons(message, feedback));
    if (reasons.length && (withQuickReplies || message.reason)) {
      node.append(this.reasonButtons(message, reasons, withQuickReplies));
    }
    if (links.length) {
      const group = h("div", { class: "links", role: "group", "aria-label": s.links });
      for (const button of links) {
        group.append(h("a", { class: "button-link", href: linkOf(button), target: "_blank",
          rel: "noopener noreferrer" }, button.title, h("span", { class: "sr" }, " " + s.newTab)));
      }
      node.append(group);
    }
    if (others.length && withQuickReplies) {
      const group = h("div", { class: "quick", role: "group", "aria-label": s.suggestions });
      for (const button of others) {
        group.append(this.quickButton(button.title, () => this.say(button.title, button.payload)));
      }
      node.append(group);
    }
    this.nodes.set(message, node);
    return node;
  }

  /** The answer: paragraphs as written (line breaks kept), lines that start with «• » as a list. */
  answerText(answer, afterSource) {
    const s = this.strings;
    const box = h("div", { class: "text" });
    blocks(answer).forEach((block, i) => {
      if (block.items) {
        const list = h("ul", { role: "list" });
        for (const item of block.items) {
          list.append(h("li", {}, h("span", { class: "bullet", "aria-hidden": "true" }, "• "), linked(item, s)));
        }
        box.append(list);
      } else {
        // blank lines around a list are spacing, which CSS gives; inside a paragraph they stay
        const lines = block.lines.replace(/^\s*\n|\n\s*$/g, "");
        if (lines.trim()) box.append(h("p", { class: i === 0 && afterSource ? "after-source" : null }, linked(lines, s)));
      }
    });
    return box;
  }

  quickButton(title, press) {
    const element = h("button", { type: "button" }, title);
    element.addEventListener("click", () => {
      press();
      this.focusInput();
    });
    return element;
  }

  /** 👍/👎: pressed, not echoed as a bubble of the person's; a press that fails is undone. */
  feedbackButtons(message, buttons) {
    const s = this.strings;
    const group = h("div", { class: "feedback", role: "group", "aria-label": s.feedback });
    const elements = [];
    const update = () => elements.forEach(({ element, button }) => {
      element.disabled = Boolean(message.feedback);
      element.setAttribute("aria-pressed", message.feedback === button.payload ? "true" : "false");
    });
    for (const button of buttons) {
      const positive = /positiv/.test(button.payload);
      // the emoji with its words beside it: the words stay where an emoji font is missing
      const element = h("button", { type: "button" },
        h("span", { class: "emoji", "aria-hidden": "true" }, button.title),
        h("span", { class: "label" }, positive ? s.useful : s.notUseful));
      element.addEventListener("click", () => {
        message.feedback = button.payload;
        this.store.save();
        update();
        this.typing(true);
        this.transport.send(button.payload, () => {
          this.typing(false);
          delete message.feedback;
          this.store.save();
          update();
          this.announce(s.feedbackFailed);
        });
        this.focusInput();
      });
      elements.push({ element, button });
      group.append(element);
    }
    update();
    return group;
  }

  /** The reasons after 👎: shown as the person's bubble; once one is chosen, the group is disabled. */
  reasonButtons(message, buttons, active) {
    const s = this.strings;
    const chosen = Boolean(message.reason);
    const group = h("div", { class: chosen ? "reasons" : "quick reasons", role: "group",
      "aria-label": s.reasons });
    for (const button of buttons) {
      const element = h("button", { type: "button", "aria-pressed": message.reason === button.payload
        ? "true" : "false", disabled: chosen || !active }, button.title);
      element.addEventListener("click", () => {
        message.reason = button.payload;
        this.store.save();
        group.classList.remove("quick"); // stays, disabled, when the person says something next
        group.querySelectorAll("button").forEach((other) => {
          other.disabled = true;
          other.setAttribute("aria-pressed", other === element ? "true" : "false");
        });
        this.say(button.title, button.payload);
        this.focusInput();
      });
      group.append(element);
    }
    return group;
  }

  copy(text, button) {
    const s = this.strings;
    const done = (ok) => {
      this.announce(ok ? s.copied : s.copyFailed);
      if (!ok) return;
      button.textContent = s.copied;
      setTimeout(() => { button.textContent = s.copy; }, 2000);
    };
    const clipboard = navigator.clipboard;
    if (clipboard && typeof clipboard.writeText === "function") {
      clipboard.writeText(text).then(() => done(true), () => done(this.copyByHand(text, button)));
    } else {
      done(this.copyByHand(text, button));
    }
  }

  /** Where the Clipboard API is missing (a page served over http) or refused: select and copy. */
  copyByHand(text, button) {
    const area = h("textarea", { class: "sr", readonly: true, tabindex: "-1", "aria-hidden": "true" });
    area.value = text;
    this.frame.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (_) {
      ok = false;
    }
    area.remove();
    button.focus({ preventScroll: true });
    return ok;
  }

  /** The conversation as a .txt file: who said what, and when. */
  download() {
    const s = this.strings;
    const now = Date.now();
    const text = transcript(this.store.messages, {
      title: this.settings.title,
      downloaded: s.file.downloaded,
      you: s.file.you,
      bot: s.file.bot,
      unsent: s.file.unsent,
      rating: (message) => {
        if (!message.feedback) return "";
        return s.file.rated + " " + (/positiv/.test(message.feedback) ? s.useful : s.notUseful);
      },
    }, now);
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const name = s.file.name + "-" + dateAndClock(now).replace(" ", "-").replace(":", "") + ".txt";
    const link = h("a", { href: url, download: name, hidden: true });
    this.frame.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }
}

function start() {
  if (document.querySelector(TAG)) return; // the tag was added twice
  const settings = config(script || document.querySelector("script[data-server]"));
  if (settings) new Widget(settings);
}

if (document.body) start();
else document.addEventListener("DOMContentLoaded", start, { once: true });
