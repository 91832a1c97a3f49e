// The page of `gongwen serve`: each chosen file is sent to /v1/check, /v1/departments and
// /v1/quantities, and its problems, who does what and its targets are shown; the ledger,
// the JSON and the report download from the same API. No framework, nothing from outside.
"use strict";

const QUALIFIER = {
  exact: ["", ""], at_least: ["以上（含本数）", "at least"], more_than: ["超过", "more than"],
  at_most: ["以下（含本数）", "at most"], less_than: ["不足", "less than"], about: ["左右", "about"],
  range: ["区间", "range"], change: ["变化", "change"], ratio: ["比例", "ratio"],
};

const $ = (sel, root = document) => root.querySelector(sel);

/** Two spans, one per language; the page's CSS shows one. Text only, never markup. */
function bi(zh, en) {
  const f = document.createDocumentFragment();
  for (const [key, text] of [["zh", zh], ["en", en]]) {
    const s = document.createElement("span");
    s.setAttribute("data-" + key, "");
    s.textContent = text;
    f.append(s);
  }
  return f;
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** An element holding `child`; a cell spanning `span` columns. */
function wrap(tag, child, span) {
  const e = document.createElement(tag);
  if (span) e.colSpan = span;
  e.append(child);
  return e;
}

function setLang(lang) {
  document.documentElement.dataset.lang = lang;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  $("#lang-zh").setAttribute("aria-pressed", String(lang === "zh"));
  $("#lang-en").setAttribute("aria-pressed", String(lang === "en"));
  try { localStorage.setItem("gongwen-lang", lang); } catch (_) { /* private mode */ }
}

async function call(endpoint, file, params = {}) {
  const body = new FormData();
  body.append("file", file, file.name);
  const headers = {};
  const token = $("#token").value;
  if (token) headers.Authorization = "Bearer " + token;
  const r = await fetch(`/v1/${endpoint}?${new URLSearchParams(params)}`, { method: "POST", body, headers });
  if (!r.ok) {
    let message = `HTTP ${r.status}`;
    try { message = (await r.json()).error.message; } catch (_) { /* not JSON */ }
    throw new Error(message);
  }
  return r;
}

function download(label, file, endpoint, params, suffix) {
  const a = el("a");
  a.href = "#";
  a.append(label);
  a.addEventListener("click", async (e) => {
    e.preventDefault();
    const blob = await (await call(endpoint, file, params)).blob();
    const url = URL.createObjectURL(blob);
    const t = document.createElement("a");
    t.href = url;
    t.download = file.name.replace(/\.[^.]*$/, "") + suffix;
    document.body.append(t);
    t.click();
    t.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  });
  return a;
}

function tasks(list) {
  if (!list.length) return el("td", "");
  const td = el("td");
  const ul = el("ul");
  for (const t of list) ul.append(el("li", `${t.path} ${t.title}`));
  td.append(ul);
  return td;
}

async function show(file, into) {
  const card = $("#doc").content.firstElementChild.cloneNode(true);
  $(".name", card).textContent = file.name;
  const status = $(".status", card);
  status.append(bi("正在读取…", "Reading…"));
  into.append(card);
  let problems, units, quantities;
  try {
    [problems, units, quantities] = await Promise.all([
      call("check", file, { lang: document.documentElement.dataset.lang }).then((r) => r.json()),
      call("departments", file).then((r) => r.json()),
      call("quantities", file).then((r) => r.json()),
    ]);
  } catch (e) {
    status.replaceChildren(bi("无法读取：", "Cannot read: "), el("span", e.message));
    status.classList.add("bad");
    card.classList.add("failed");
    return;
  }
  const serious = problems.filter((d) => d.severity === "error" || d.severity === "warning");
  status.replaceChildren(serious.length
    ? bi(`发现 ${serious.length} 个问题`, `${serious.length} problem${serious.length > 1 ? "s" : ""} found`)
    : bi("未发现编号或格式问题", "No numbering or form problems found"));
  status.classList.toggle("bad", serious.length > 0);
  card.dataset.problems = String(problems.length);

  const ul = $(".problems", card);
  for (const d of problems) {
    const li = el("li", undefined, d.severity);
    li.append(el("span", `${d.span.line}:${d.span.column} `, "where"), el("span", d.message));
    if (d.suggestion) li.append(el("span", ` — ${d.suggestion}`, "suggestion"));
    li.append(el("span", ` [${d.code}]`, "code"));
    ul.append(li);
  }
  if (!problems.length) ul.append(wrap("li", bi("无", "None")));

  const who = $(".who tbody", card);
  for (const u of units) {
    const tr = el("tr");
    tr.append(el("td", u.unit), tasks(u.lead), tasks(u.responsible), tasks(u.support));
    who.append(tr);
  }
  card.dataset.units = String(units.length);
  if (!units.length) who.append(wrap("tr", wrap("td", bi("未找到责任单位", "No units found"), 4)));

  const targets = quantities.filter((q) => q.target);
  const tb = $(".targets tbody", card);
  for (const q of targets) {
    const tr = el("tr");
    const qual = el("td");
    qual.append(bi(...(QUALIFIER[q.qualifier] || [q.qualifier, q.qualifier])));
    tr.append(el("td", q.text), el("td", String(q.value)), el("td", q.unit), qual,
      el("td", q.deadline || ""), el("td", q.path || ""));
    tb.append(tr);
  }
  card.dataset.targets = String(targets.length);
  if (!targets.length) tb.append(wrap("tr", wrap("td", bi("未找到量化目标", "No targets found"), 6)));

  const dl = $(".downloads", card);
  dl.append(
    download(bi("任务台账（CSV）", "Ledger (CSV)"), file, "ledger", { lang: document.documentElement.dataset.lang }, "-台账.csv"),
    download(bi("结构化数据（JSON）", "Data (JSON)"), file, "parse", {}, ".json"),
    download(bi("报告（HTML）", "Report (HTML)"), file, "report", {}, "-report.html"),
  );
}

function init() {
  let lang = "zh";
  try { lang = localStorage.getItem("gongwen-lang") || "zh"; } catch (_) { /* private mode */ }
  setLang(lang);
  $("#lang-zh").addEventListener("click", () => setLang("zh"));
  $("#lang-en").addEventListener("click", () => setLang("en"));
  fetch("/v1/version").then((r) => r.json()).then((v) => { $("#token-row").hidden = !v.token_required; });
  const input = $("#files");
  const drop = $("#drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    input.files = e.dataTransfer.files;
    $("#upload").requestSubmit();
  });
  $("#upload").addEventListener("submit", async (e) => {
    e.preventDefault();
    const results = $("#results");
    results.replaceChildren();
    results.dataset.done = "false";
    // One file at a time (its three requests together), so that a page never asks more
    // of the server than three documents at once.
    for (const f of Array.from(input.files)) await show(f, results);
    results.dataset.done = "true";
  });
}

document.addEventListener("DOMContentLoaded", init);
