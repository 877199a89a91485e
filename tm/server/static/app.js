// tmtool serve: one search box; terms, translation-memory matches and concordance, in that order.
// Every text from the store goes in with textContent, never as HTML.
"use strict";

const form = document.getElementById("search");
const box = document.getElementById("q");
const statusLine = document.getElementById("status");
let pending = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Runs of a text as kind/text pairs: "insert" and "delete" (wdiff-style marks), "mark" (the phrase).
const PART_TAGS = { insert: "ins", delete: "del", mark: "mark" };
function parts(list, className) {
  const p = el("p", className);
  for (const part of list) {
    const tag = PART_TAGS[part.kind];
    p.append(tag ? el(tag, "", part.text) : document.createTextNode(part.text));
  }
  return p;
}

// The text with each occurrence of word marked (the term in its defining sentence).
function marked(text, word, className) {
  const p = el("p", className);
  if (!word) p.textContent = text;
  else text.split(word).forEach((piece, i) => {
    if (i) p.append(el("mark", "", word));
    p.append(document.createTextNode(piece));
  });
  return p;
}

function card(tag, kind, label) {
  const node = el(tag, "card " + kind);
  node.tabIndex = 0;
  node.setAttribute("aria-label", label);
  return node;
}

function nameLine(acronym, full) {
  const dd = el("dd");
  if (acronym) dd.append(el("span", "acronym", acronym));
  if (full) dd.append(document.createTextNode(full));
  if (!acronym && !full) dd.append(el("span", "meta", "—"));
  return dd;
}

function termCard(entry) {
  const node = card("article", "term", "term " + (entry.ru_acronym || entry.ru_full_form));
  const names = el("dl", "names");
  names.append(el("dt", "", "ru"), nameLine(entry.ru_acronym, entry.ru_full_form));
  names.append(el("dt", "", "en"), nameLine(entry.en_acronym, entry.en_full_form));
  node.append(names);
  const docs = entry.documents.length > 1 ? " in " + entry.documents.length + " documents" : "";
  const found = entry.found === "reference" ? " · from the reference table" : "";
  node.append(el("p", "meta", entry.occurrences + " occurrences" + docs + found));
  if (entry.context) node.append(marked(entry.context, entry.ru_acronym || entry.ru_full_form_in_text, "context"));
  return node;
}

function matchCard(hit) {
  const node = el("li");
  const inner = card("article", "match", hit.percent + "% match");
  const head = el("div", "head");
  head.append(el("span", "percent" + (hit.percent === 100 ? " exact" : ""), hit.percent + "%"),
              el("span", "meta", hit.band + (hit.numbers_differ ? " · numbers differ" : "")));
  inner.append(head, parts(hit.parts, "source"));
  inner.append(hit.target ? el("p", "target", hit.target) : el("p", "target none", "no translation stored"));
  node.append(inner);
  return node;
}

function concordanceCard(hit) {
  const node = el("li");
  const inner = card("article", "hit", "concordance " + hit.id);
  inner.append(parts(hit.parts, "source"));
  if (hit.target) inner.append(el("p", "target", hit.target));
  node.append(inner);
  return node;
}

function show(id, items, make) {
  const section = document.getElementById(id);
  const list = section.querySelector(".cards");
  list.replaceChildren(...items.map(make));
  section.hidden = items.length === 0;
  return items.length;
}

async function getJSON(path, query, signal) {
  const response = await fetch(path + "?q=" + encodeURIComponent(query), { signal });
  const body = await response.json();
  return { ok: response.ok, status: response.status, body };
}

function count(n, noun) {
  return n + " " + noun + (n === 1 ? "" : noun.endsWith("h") ? "es" : "s");
}

function say(text, isError, state) {
  statusLine.textContent = text;
  statusLine.dataset.state = state || "done";
  statusLine.classList.toggle("error", Boolean(isError));
}

async function search(query) {
  if (pending) pending.abort();
  pending = new AbortController();
  const signal = pending.signal;
  say("Searching…", false, "searching");
  try {
    const [terms, matches, hits] = await Promise.all([
      getJSON("/api/terms", query, signal), getJSON("/api/search", query, signal),
      getJSON("/api/concordance", query, signal)]);
    const refused = [matches, hits].find((r) => !r.ok);
    if (refused) {
      ["terms", "matches", "concordance"].forEach((id) => show(id, [], termCard));
      suggest([]);
      say(refused.body.error, true);
      return;
    }
    suggest(terms.ok || query.split(/\s+/).length > 3 ? [] : terms.body.suggestions || []);
    const n = show("terms", terms.ok ? terms.body.terms : [], termCard)
      + show("matches", matches.body.hits, matchCard) + show("concordance", hits.body.hits, concordanceCard);
    const counts = [count(terms.ok ? terms.body.terms.length : 0, "term"), count(matches.body.hits.length, "match"),
      count(hits.body.hits.length, "concordance hit")].join(", ");
    say(n ? counts : "Nothing found for this query.");
  } catch (error) {
    if (error.name !== "AbortError") say("The server did not answer: " + error.message, true);
  }
}

// A word that names no term: the nearest names, each a button that searches it.
function suggest(names) {
  const line = document.getElementById("suggest");
  line.replaceChildren();
  line.hidden = names.length === 0;
  if (!names.length) return;
  line.append(document.createTextNode("No term matches. Nearest: "));
  for (const name of names) {
    const button = el("button", "suggestion", name);
    button.type = "button";
    button.addEventListener("click", () => { box.value = name; search(name); box.focus(); });
    line.append(button, document.createTextNode(" "));
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = box.value.trim();
  if (query) search(query);
  else say("Type a word, a term or a sentence first.", true);
});

document.addEventListener("keydown", (event) => {
  const typing = event.target === box;
  if (event.key === "/" && !typing) { event.preventDefault(); box.focus(); box.select(); }
  if (event.key === "Escape" && !typing) box.focus();
});

fetch("/api/stats").then((r) => r.json()).then((s) => {
  if (s.units !== undefined) {
    document.getElementById("store").textContent =
      s.store + ": " + s.documents + " documents, " + s.units + " units, " + s.translated + " translated";
  }
}).catch(() => {});
