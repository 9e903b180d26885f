// Analyse page: paste text or open a file, POST /analyze, draw the answer as an article view.
// A chosen HTML file is reduced to its text by DOMParser, which builds an inert document:
// its scripts never run and its images never load.

import {postJSON, status} from "./common.js";
import {renderArticle, regionsIn} from "./articleview.js";

const form = document.getElementById("analyse-form");
const textarea = document.getElementById("a-text");
const fileInput = document.getElementById("a-file");
const result = document.getElementById("result");

function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, "text/html");
  for (const node of doc.querySelectorAll("script, style, noscript, template, iframe")) node.remove();
  const title = doc.title ? doc.title.trim() + "\n\n" : "";
  return title + (doc.body ? doc.body.innerText || doc.body.textContent : "").trim();
}

fileInput.addEventListener("change", async () => {
  const file = fileInput.files[0];
  if (!file) return;
  const text = await file.text();
  textarea.value = /\.html?$/i.test(file.name) || file.type === "text/html" ? htmlToText(text) : text;
  status(`Loaded ${file.name} (${textarea.value.length.toLocaleString()} characters).`);
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = textarea.value;
  if (!text.trim()) { status("Paste some text or open a file first."); textarea.focus(); return; }
  const date = document.getElementById("a-date").value || null;
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
