// Analyse page: paste text or open a file, POST /analyze, draw the answer as an article view.
// An opened HTML file is reduced to its article text by the server (as `flashpoint analyze`
// reads .html files); the browser never parses the file's markup.

import {postJSON, status, PREFIX} from "./common.js";
import {renderArticle, regionsIn} from "./articleview.js";

const form = document.getElementById("analyse-form");
const textarea = document.getElementById("a-text");
const fileInput = document.getElementById("a-file");
const result = document.getElementById("result");
const dateInput = document.getElementById("a-date");

fileInput.addEventListener("change", async () => {
  const file = fileInput.files[0];
  if (!file) return;
  const raw = await file.text();
  if (/\.html?$/i.test(file.name) || file.type === "text/html") {
    try {
      const page = await postJSON(`${PREFIX}/data/html-text`, {html: raw});
      textarea.value = page.title ? `${page.title}\n\n${page.text}` : page.text;
      if (page.date && !dateInput.value) dateInput.value = String(page.date).slice(0, 10);
    } catch (err) { status(`Could not read ${file.name}: ${err.message}`); return; }
  } else {
    textarea.value = raw;
  }
  status(`Loaded ${file.name} (${textarea.value.length.toLocaleString()} characters).`);
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = textarea.value;
  if (!text.trim()) { status("Paste some text or open a file first."); textarea.focus(); return; }
  const date = dateInput.value || null;
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  status("Analysing…");
  try {
    const analysis = await postJSON("/analyze", date ? {text, date} : {text});
    // The article text in the answer may be absent; the text sent is what the offsets refer to.
    analysis.article = {...(analysis.article || {}), text};
    result.hidden = false;
    renderArticle(regionsIn(result), analysis);
    status(`Done: ${(analysis.events || []).length} events, ${(analysis.actors || []).length} actors, ` +
      `${(analysis.quotes || []).length} quotes.`);
    result.querySelector("#article-text").focus();
  } catch (err) {
    status(`Analysis failed: ${err.message}`);
  } finally {
    button.disabled = false;
  }
});
