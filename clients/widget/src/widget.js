// The embeddable chat widget. A site adds one tag:
//   <script src="https://…/widget.js" data-server="https://…"></script>
// optional: data-title="…" (the panel's title), data-lang="es"|"en" (the widget's own labels).
// Everything is drawn in a shadow root, out of the host page's CSS; message text is only ever set
// with text nodes and DOM properties, never parsed as HTML.
import css from "./widget.css";
import { Store } from "./store.js";
import { isSourceOnly, linkPieces, splitSource } from "./text.js";
import { Transport } from "./transport.js";

const STRINGS = {
  es: {
    title: "Asistente de Gobierno Abierto",
    launcher: "Abrir o cerrar el chat con el asistente",
    close: "Cerrar el chat",
    reset: "Nueva conversación",
    resetLabel: "Borrar esta conversación y empezar otra",
    log: "Conversación con el asistente",
    you: "Tú dijiste:",
    bot: "El asistente dijo:",
    source: "Fuente de la respuesta:",
    input: "Escribe tu pregunta",
    send: "Enviar",
    typing: "El asistente está escribiendo…",
    feedback: "¿Te sirvió esta respuesta?",
    useful: "Me sirvió",
    notUseful: "No me sirvió",
    suggestions: "Sugerencias",
    newTab: "(se abre en otra pestaña)",
    hello: "¡Hola! Soy el asistente virtual de Gobierno Abierto. Escribe tu pregunta, por ejemplo: "
      + "«¿Cuántos STL hay?». Para saber cómo trato tus datos, escribe «privacidad».",
    error: "No pude comunicarme con el asistente. Inténtalo de nuevo en un momento.",
  },
  en: {
    title: "Open Government assistant",
    launcher: "Open or close the chat with the assistant",
    close: "Close the chat",
    reset: "New conversation",
    resetLabel: "Delete this conversation and start another",
    log: "Conversation with the assistant",
    you: "You said:",
    bot: "The assistant said:",
    source: "Source of the answer:",
    input: "Type your question",
    send: "Send",
    typing: "The assistant is typing…",
    feedback: "Was this answer useful?",
    useful: "Useful",
    notUseful: "Not useful",
    suggestions: "Suggestions",
    newTab: "(opens in a new tab)",
    hello: "Hello! I am the Open Government assistant. I answer in Spanish: ask, for example, "
      + "«¿Cuántos STL hay?». To learn how your data is handled, type «privacidad».",
    error: "I could not reach the assistant. Please try again in a moment.",
  },
};

const FEEDBACK = /^\/feedback\b/;
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

class Widget {
  constructor(settings) {
    this.settings = settings;
    this.strings = settings.strings;
    this.store = new Store(settings.server);
    this.transport = new Transport(settings.server, () => this.store.session, {
      onMessage: (message) => this.receive(message),
      onIdle: () => this.typing(false),
      onError: () => this.failed(),
    });
    this.panel = null;

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
    // its name is its visible text (WCAG 2.5.3); the title says more
    const reset = h("button", { type: "button", class: "icon-button", title: s.resetLabel }, s.reset);
    reset.addEventListener("click", () => this.reset());
    const close = h("button", { type: "button", class: "icon-button", "aria-label": s.close,
      title: s.close }, icon(CLOSE_ICON));
    close.addEventListener("click", () => this.close());
    this.panel = h("div", { class: "panel", role: "dialog", "aria-labelledby": titleId, hidden: true,
      id: "ga-panel" },
    h("div", { class: "header" }, h("h2", { id: titleId }, this.settings.title), reset, close),
    this.scroller,
    form);
    this.launcher.setAttribute("aria-controls", "ga-panel");
    this.frame.insertBefore(this.panel, this.launcher);
    this.renderAll();
  }

  open() {
    if (!this.panel) this.build();
    this.panel.hidden = false;
    this.launcher.setAttribute("aria-expanded", "true");
    this.input.focus();
    this.scroller.scrollTop = this.scroller.scrollHeight;
    this.transport.connect();
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
    this.input.focus();
  }

  /** The person says something: `shown` in the log, `payload` to Rasa. */
  say(shown, payload) {
    this.log.querySelectorAll(".quick").forEach((group) => group.remove());
    const message = this.store.add({ from: "user", text: shown });
    this.append(this.render(message));
    this.typing(true);
    this.transport.send(payload);
  }

  receive(incoming) {
    this.typing(false);
    const messages = this.store.messages;
    const last = messages[messages.length - 1];
    // socket.io sends "\n\n"-separated parts apart: a part that is only a "Fuente:" line goes under
    // the answer it belongs to, with that answer's buttons.
    if (last && last.from === "bot" && isSourceOnly(incoming.text) && !splitSource(last.text).source
        && this.lastNode) {
      last.text = last.text + "\n" + incoming.text;
      if (incoming.buttons.length) last.buttons = incoming.buttons;
      this.store.save();
      const node = this.render(last);
      this.lastNode.replaceWith(node);
      this.lastNode = node;
      return;
    }
    if (incoming.buttons.some((b) => !FEEDBACK.test(b.payload))) {
      this.log.querySelectorAll(".quick").forEach((group) => group.remove());
    }
    const message = this.store.add({ from: "bot", text: incoming.text, buttons: incoming.buttons });
    this.append(this.render(message), true);
  }

  failed() {
    this.typing(false);
    if (!this.log) return;
    const node = h("div", { class: "msg bot error" },
      h("div", { class: "bubble" }, h("p", { class: "text" }, this.strings.error)));
    this.append(node, true);
    this.lastNode = null; // a later "Fuente:" part never joins an error
  }

  typing(on) {
    if (this.typingLine) this.typingLine.hidden = !on;
    if (on && this.scroller) this.scroller.scrollTop = this.scroller.scrollHeight;
  }

  renderAll() {
    this.log.replaceChildren(this.render({ from: "bot", text: this.strings.hello }, false));
    this.lastNode = null;
    const messages = this.store.messages;
    messages.forEach((message, i) => this.append(this.render(message, i === messages.length - 1)));
  }

  append(node, reading) {
    this.log.append(node);
    this.lastNode = node;
    if (!this.scroller) return;
    // Show the start of a new answer (long answers are read from the top); else the end.
    this.scroller.scrollTop = reading ? node.offsetTop - 8 : this.scroller.scrollHeight;
  }

  render(message, withQuickReplies = true) {
    const s = this.strings;
    if (message.from === "user") {
      return h("div", { class: "msg user" },
        h("div", { class: "bubble" }, h("span", { class: "sr" }, s.you + " "),
          h("p", { class: "text" }, message.text)));
    }
    const { answer, source } = splitSource(message.text);
    const bubble = h("div", { class: "bubble" }, h("span", { class: "sr" }, s.bot + " "));
    // an answer that followed a leading "Según …," starts in lower case: shown capitalised (CSS only)
    const after = source && message.text.trimStart().startsWith(source) ? "text after-source" : "text";
    if (answer) bubble.append(h("p", { class: after }, linked(answer, s)));
    if (source) {
      const label = /^fuente/i.test(source) ? null : h("span", { class: "sr" }, s.source + " ");
      bubble.append(h("p", { class: "source" }, label, linked(source, s)));
    }
    const node = h("div", { class: "msg bot" }, bubble);
    const buttons = message.buttons || [];
    const feedback = buttons.filter((b) => FEEDBACK.test(b.payload));
    const others = buttons.filter((b) => !FEEDBACK.test(b.payload));
    if (feedback.length) node.append(this.feedbackButtons(message, feedback));
    if (others.length && withQuickReplies) {
      const group = h("div", { class: "quick", role: "group", "aria-label": s.suggestions });
      for (const button of others) {
        const element = h("button", { type: "button" }, button.title);
        element.addEventListener("click", () => {
          this.say(button.title, button.payload);
          this.input.focus();
        });
        group.append(element);
      }
      node.append(group);
    }
    return node;
  }

  feedbackButtons(message, buttons) {
    const s = this.strings;
    const group = h("div", { class: "feedback", role: "group", "aria-label": s.feedback });
    const elements = buttons.map((button) => {
      const positive = /positiv/.test(button.payload);
      const chosen = message.feedback === button.payload;
      const element = h("button", {
        type: "button", "aria-label": positive ? s.useful : s.notUseful,
        "aria-pressed": chosen ? "true" : "false", disabled: Boolean(message.feedback),
      }, h("span", { "aria-hidden": "true" }, button.title));
      element.addEventListener("click", () => {
        message.feedback = button.payload;
        this.store.save();
        elements.forEach((other) => {
          other.disabled = true;
          other.setAttribute("aria-pressed", other === element ? "true" : "false");
        });
        this.say(button.title, button.payload);
        this.input.focus();
      });
      group.append(element);
      return element;
    });
    return group;
  }
}

function start() {
  if (document.querySelector(TAG)) return; // the tag was added twice
  const settings = config(script || document.querySelector("script[data-server]"));
  if (settings) new Widget(settings);
}

if (document.body) start();
else document.addEventListener("DOMContentLoaded", start, { once: true });
