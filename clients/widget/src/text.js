// Pure text helpers: where an answer's source is, and which parts of a text are links.
// Nothing here touches the DOM; widget.js turns the pieces into text nodes and <a> elements.

const SOURCE_LINE = /^\s*Fuentes?\s*:/i;
// "según el comunicado INAI/265/19, 14 de agosto de 2020" or "según el material …, sin fecha"
const SEGUN = /\bsegún\s[^()\n]*?,\s*(?:\d{1,2}\sde\s[a-záéíóúñ]+\sde\s\d{4}|sin fecha)/giu;

/**
 * Split a bot text into the answer and its source, without losing or changing any character:
 * `answer + sep + source` is the original text, apart from whitespace where it was cut.
 *  1. the last line that begins with "Fuente:"/"Fuentes:", with whatever follows it (a dated note);
 *  2. if none, a "según …, <fecha>" clause that ends the text (only "." or ")" after it);
 *  3. if none, one that opens it ("Según …, <fecha>, Jalisco tiene …").
 * Citations inside the text (in parentheses, or mid-sentence) stay where they are.
 */
export function splitSource(text) {
  const value = String(text == null ? "" : text);
  const lines = value.split("\n");
  for (let i = lines.length - 1; i > 0; i--) {
    if (SOURCE_LINE.test(lines[i])) {
      const answer = lines.slice(0, i).join("\n").replace(/\s+$/, "");
      if (answer) return { answer, source: lines.slice(i).join("\n").trim() };
      break;
    }
  }
  if (lines.length === 1 && SOURCE_LINE.test(value)) return { answer: "", source: value.trim() };
  const clauses = [...value.matchAll(SEGUN)];
  const last = clauses[clauses.length - 1];
  if (last && last.index > 0 && /^[\s.)]*$/.test(value.slice(last.index + last[0].length))
      && !insideParentheses(value, last.index)) {
    const answer = value.slice(0, last.index).replace(/\s+$/, "");
    if (answer) return { answer, source: value.slice(last.index).trim() };
  }
  const first = clauses[0];
  if (first && first.index === 0) {
    let end = first[0].length;
    if (value[end] === ",") end += 1;
    const answer = value.slice(end).trim();
    if (answer) return { answer, source: value.slice(0, end).trim() };
  }
  return { answer: value, source: "" };
}

function insideParentheses(text, index) {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === "(") depth += 1;
    else if (text[i] === ")" && depth > 0) depth -= 1;
  }
  return depth > 0;
}

/** Is this a message that is only a source line (socket.io sends "\n\n"-separated parts apart)? */
export function isSourceOnly(text) {
  return SOURCE_LINE.test(String(text || ""));
}

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'«»]+/gi;

/**
 * Cut a text into pieces: `{text}` for plain text and `{text, href}` for an http(s) link.
 * Trailing punctuation (".", ",", ")" without its "(") is not part of the link. Any other
 * scheme (javascript:, data:, mailto: …) is never a link: it stays text.
 */
export function linkPieces(text) {
  const value = String(text == null ? "" : text);
  const pieces = [];
  let at = 0;
  for (const match of value.matchAll(URL_CANDIDATE)) {
    let url = trimUrl(match[0]);
    const href = safeHref(url);
    if (!href) continue;
    if (match.index > at) pieces.push({ text: value.slice(at, match.index) });
    pieces.push({ text: url, href });
    at = match.index + url.length;
  }
  if (at < value.length) pieces.push({ text: value.slice(at) });
  return pieces;
}

function trimUrl(url) {
  let out = url;
  for (;;) {
    const last = out[out.length - 1];
    if (/[.,;:!?¡¿]/.test(last)) out = out.slice(0, -1);
    else if (last === ")" && count(out, "(") < count(out, ")")) out = out.slice(0, -1);
    else return out;
  }
}

function count(text, ch) {
  return text.split(ch).length - 1;
}

/** The URL, normalised, if it is http or https; otherwise null. */
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (_) {
    return null;
  }
}

const BULLET = /^\s*•\s?/;

/**
 * Cut an answer into blocks: `{lines: "…"}` for ordinary text (its line breaks kept) and
 * `{items: ["…", …]}` for a run of lines that start with «• » (the bullet left out of each item).
 * Joining every block's text back with line breaks gives the original text, bullets apart.
 */
export function blocks(text) {
  const out = [];
  for (const line of String(text == null ? "" : text).split("\n")) {
    const last = out[out.length - 1];
    if (BULLET.test(line)) {
      const item = line.replace(BULLET, "");
      if (last && last.items) last.items.push(item);
      else out.push({ items: [item] });
    } else if (last && last.lines !== undefined) {
      last.lines += "\n" + line;
    } else {
      out.push({ lines: line });
    }
  }
  return out;
}

const two = (n) => String(n).padStart(2, "0");

/** Local "HH:MM" of a time in ms. */
export function clock(ms) {
  const date = new Date(ms);
  return two(date.getHours()) + ":" + two(date.getMinutes());
}

/** Local "YYYY-MM-DD HH:MM" of a time in ms. */
export function dateAndClock(ms) {
  const date = new Date(ms);
  return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate()) + " " + clock(ms);
}

/**
 * The conversation as plain text: a title line, then each message as "[YYYY-MM-DD HH:MM] Who: text",
 * a blank line between messages. `labels`: {title, downloaded, you, bot, unsent, rating(message) → the
 * person's rating of that answer, or ""}.
 */
export function transcript(messages, labels, now = Date.now()) {
  const lines = [labels.title, labels.downloaded + " " + dateAndClock(now), ""];
  for (const message of messages) {
    const when = Number.isFinite(message.at) ? "[" + dateAndClock(message.at) + "] " : "";
    const who = message.from === "user" ? labels.you : labels.bot;
    const note = message.unsent ? " (" + labels.unsent + ")" : "";
    lines.push(when + who + note + ": " + message.text);
    const rating = labels.rating(message);
    if (rating) lines.push("(" + rating + ")");
    lines.push("");
  }
  return lines.join("\n");
}
