// Vigie dashboard: plain ES module, no framework, no build step.
// All data comes from the same-origin JSON API (/api/...). Text from the API is
// always inserted with textContent, never as HTML.
import { DICT, KINDS, STATUSES, SECTORS } from "./i18n.js";

const SVGNS = "http://www.w3.org/2000/svg";
const PAGE = 25;
const FILTER_KEYS = ["q", "investor", "kind", "sector", "status", "since", "until", "min_eur", "region", "departement"];

const state = {
  lang: localStorage.getItem("vigie.lang") || ((navigator.language || "fr").slice(0, 2) === "en" ? "en" : "fr"),
  level: "regions",
  metric: "eur",
  filters: {},
  sort: "published",
  order: "desc",
  offset: 0,
  geo: null,
  stats: null,
  mapStats: null,
  page: null,
};

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));

function t(key, vars) {
  let s = (DICT[state.lang] && DICT[state.lang][key]) ?? DICT.fr[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

function el(tag, attrs = {}, ...children) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

// ---------- formatting ----------
function nf(opts) { return new Intl.NumberFormat(state.lang === "fr" ? "fr-FR" : "en-GB", opts); }
function fmtInt(n) { return n === null || n === undefined ? "–" : nf({ maximumFractionDigits: 0 }).format(n); }
function fmtMoney(v, cur = "EUR") {
  if (v === null || v === undefined || !isFinite(v)) return "–";
  const a = Math.abs(v);
  const one = (x) => nf({ maximumFractionDigits: x >= 100 ? 0 : 1 }).format(x);
  const sym = cur === "EUR" ? "€" : cur === "USD" ? "$" : cur === "GBP" ? "£" : null;
  let num, unit;
  if (a >= 1e9) { num = one(v / 1e9); unit = state.lang === "fr" ? "Md" : "bn"; }
  else if (a >= 1e6) { num = one(v / 1e6); unit = state.lang === "fr" ? "M" : "m"; }
  else if (a >= 1e3) { num = one(v / 1e3); unit = "k"; }
  else { num = one(v); unit = ""; }
  if (state.lang === "fr") return `${num}${unit ? "\u202f" + unit : ""}\u00a0${sym || cur || ""}`.trim();
  return sym ? `${sym}${num}${unit}` : `${num}${unit} ${cur || ""}`.trim();
}
function fmtMetric(v) { return state.metric === "eur" ? fmtMoney(v) : fmtInt(v); }
function fmtMonth(m) {
  const [y, mo] = m.split("-").map(Number);
  if (!y || !mo) return m;
  return new Intl.DateTimeFormat(state.lang === "fr" ? "fr-FR" : "en-GB", { month: "short", year: "2-digit", timeZone: "UTC" })
    .format(new Date(Date.UTC(y, mo - 1, 1)));
}
function fmtDate(d) {
  if (!d) return "–";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  return new Intl.DateTimeFormat(state.lang === "fr" ? "fr-FR" : "en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })
    .format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}
function amountText(a) {
  if (!a) return "–";
  let s = t("q_" + a.qualifier) + fmtMoney(a.value, a.currency || "");
  if (a.qualifier === "range" && a.max !== null && a.max !== undefined) s += " – " + fmtMoney(a.max, a.currency || "");
  return s;
}
function placeText(ev) {
  if (ev.places && ev.places.length) return ev.places[0].text;
  return ev.country || "–";
}
function regionName(code) { const r = state.geo && state.geo.regions.find((x) => x.code === code); return r ? r.nom : code; }
function depName(code) { const r = state.geo && state.geo.departements.find((x) => x.code === code); return r ? `${r.nom} (${code})` : code; }

// ---------- colour scale ----------
const RAMP = ["#eef5f3", "#cde8df", "#9fd3c2", "#67b8a3", "#3a9886", "#1f776d", "#125652", "#0b3b3c"];
/** Colour of `v`: amounts (which span orders of magnitude) on a log scale
 * between the smallest and largest positive values, counts on a linear one. */
function colour(v, min, max) {
  if (!v || !max) return "#e7e9ee";
  let x;
  if (state.metric === "count") x = v / max;
  else {
    const lo = Math.log(min), hi = Math.log(max);
    x = hi > lo ? (Math.log(v) - lo) / (hi - lo) : 1;
  }
  const i = 1 + Math.round(Math.min(1, Math.max(0, x)) * (RAMP.length - 2));
  return RAMP[i];
}

// ---------- API ----------
async function api(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  const url = path + (qs.toString() ? "?" + qs : "");
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok) { const e = new Error(body.error || `HTTP ${r.status}`); e.status = r.status; throw e; }
  return body;
}

// ---------- routing: #/?filters  and  #/event/ID ----------
function readHash() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, query] = h.split("?");
  return { path, params: new URLSearchParams(query || "") };
}
function writeHash() {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (state.filters[k]) p.set(k, state.filters[k]);
  if (state.level !== "regions") p.set("level", state.level);
  if (state.metric !== "eur") p.set("metric", state.metric);
  if (state.sort !== "published" || state.order !== "desc") { p.set("sort", state.sort); p.set("order", state.order); }
  if (state.offset) p.set("offset", state.offset);
  const h = "#/" + (p.toString() ? "?" + p : "");
  if (location.hash !== h) history.pushState(null, "", h);
}

async function route() {
  const { path, params } = readHash();
  const m = /^\/event\/(.+)$/.exec(path);
  if (m) {
    $("#dashboard").hidden = true; $("#event").hidden = false;
    await showEvent(decodeURIComponent(m[1]));
    return;
  }
  state.filters = {};
  for (const k of FILTER_KEYS) if (params.get(k)) state.filters[k] = params.get(k);
  state.level = params.get("level") === "departements" ? "departements" : "regions";
  state.metric = params.get("metric") === "count" ? "count" : "eur";
  state.sort = params.get("sort") || "published";
  state.order = params.get("order") === "asc" ? "asc" : "desc";
  state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  $("#event").hidden = true; $("#dashboard").hidden = false;
  fillForm();
  await refresh();
}

function queryParams() {
  const p = {};
  for (const k of FILTER_KEYS) if (state.filters[k]) p[k] = state.filters[k];
  return p;
}

async function refresh() {
  showError(null);
  const base = queryParams();
  try {
    // The map keeps showing every territory (under the other filters) and
    // outlines the selected one, so that the selection can be changed.
    const geoFree = { ...base };
    delete geoFree.region; delete geoFree.departement;
    const needMap = base.region || base.departement;
    const [stats, page, mapStats] = await Promise.all([
      api("/api/stats", base),
      api("/api/events", { ...base, sort: state.sort, order: state.order, limit: PAGE, offset: state.offset }),
      needMap ? api("/api/stats", geoFree) : Promise.resolve(null),
    ]);
    state.stats = stats; state.page = page; state.mapStats = mapStats || stats;
  } catch (e) {
    showError(e.message);
    return;
  }
  renderAll();
}

function renderAll() {
  renderChips(); renderKpis(); renderMap(); renderBars(); renderTimeline(); renderTable(); updateToggles();
  document.body.dataset.ready = "1";
}

function showError(msg) {
  const e = $("#error");
  e.hidden = !msg;
  e.textContent = msg || "";
}

// ---------- filters ----------
function fillSelect(sel, values, prefix) {
  const cur = sel.value;
  sel.replaceChildren(el("option", { value: "", text: t("all") }), ...values.map((v) => el("option", { value: v, text: t(prefix + v) })));
  sel.value = cur;
}
function fillForm() {
  const f = $("#filters");
  fillSelect(f.kind, KINDS, "kind_");
  fillSelect(f.sector, SECTORS, "s_");
  fillSelect(f.status, STATUSES, "status_");
  for (const k of ["q", "investor", "kind", "sector", "status", "since", "until", "min_eur"]) f[k].value = state.filters[k] || "";
}
function setFilter(k, v) {
  if (v) state.filters[k] = v; else delete state.filters[k];
  state.offset = 0;
  writeHash(); route();
}
function renderChips() {
  const c = $("#chips");
  const chips = [];
  const labels = { region: (v) => `${t("chip_region")} : ${regionName(v)}`, departement: (v) => `${t("chip_departement")} : ${depName(v)}`,
    sector: (v) => t("s_" + v), kind: (v) => t("kind_" + v), status: (v) => t("status_" + v), investor: (v) => `${t("investor")} : ${v}`,
    q: (v) => `« ${v} »`, since: (v) => `≥ ${v}`, until: (v) => `≤ ${v}`, min_eur: (v) => `≥ ${fmtMoney(+v)}` };
  for (const k of FILTER_KEYS) {
    const v = state.filters[k];
    if (!v) continue;
    chips.push(el("button", { type: "button", class: "chip", "data-key": k, title: "×", onclick: () => setFilter(k, null) },
      labels[k] ? labels[k](v) : v, el("span", { class: "x", text: " ×" })));
  }
  c.replaceChildren(...chips);
}

// ---------- KPIs ----------
function renderKpis() {
  const s = state.stats;
  $("#kpi-events").textContent = fmtInt(s.events);
  $("#kpi-eur").textContent = fmtMoney(s.eur);
  $("#kpi-jobs").textContent = fmtInt(s.jobs);
  const top = (s.by_investor || [])[0];
  $("#kpi-investors").textContent = top ? top.label || top.key : "–";
  $("#kpi-investors").title = top ? fmtMoney(top.eur) : "";
}

// ---------- map ----------
function renderMap() {
  const svg = $("#map");
  const g = state.geo;
  if (!g) return;
  svg.setAttribute("viewBox", `0 0 ${g.width} ${g.height}`);
  const key = state.level === "regions" ? "by_region" : "by_departement";
  const values = new Map();
  for (const b of state.mapStats[key] || []) values.set(b.key, state.metric === "eur" ? b.eur || 0 : b.events);
  const positive = [...values.values()].filter((v) => v > 0);
  const max = Math.max(0, ...positive);
  const min = Math.min(max, ...positive);
  const selected = state.level === "regions" ? state.filters.region : state.filters.departement;
  const shapes = state.level === "regions" ? g.regions : g.departements;
  const tip = $("#tooltip");
  const paths = shapes.map((s) => {
    const v = values.get(s.code) || 0;
    const p = el("svg:path", {
      d: s.d, fill: colour(v, min, max), class: "area" + (selected === s.code ? " selected" : ""),
      "data-code": s.code, "data-value": v, tabindex: "0", role: "button",
      "aria-label": `${s.nom}: ${fmtMetric(v)}`,
    });
    const show = (ev) => {
      tip.hidden = false;
      tip.replaceChildren(el("strong", { text: s.nom }), el("br"), document.createTextNode(v ? fmtMetric(v) : t("no_data")));
      const box = svg.parentElement.getBoundingClientRect();
      tip.style.left = `${Math.min(ev.clientX - box.left + 12, box.width - 160)}px`;
      tip.style.top = `${ev.clientY - box.top + 12}px`;
    };
    p.addEventListener("mousemove", show);
    p.addEventListener("mouseleave", () => { tip.hidden = true; });
    const pick = () => {
      const k = state.level === "regions" ? "region" : "departement";
      setFilter(k, state.filters[k] === s.code ? null : s.code);
    };
    p.addEventListener("click", pick);
    p.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
    return p;
  });
  // Thin region borders over the départements, for orientation.
  const overlay = state.level === "departements"
    ? g.regions.map((r) => el("svg:path", { d: r.d, class: "region-outline" })) : [];
  svg.replaceChildren(...paths, ...overlay);
  // Legend
  const legend = $("#legend");
  legend.replaceChildren(
    el("span", { class: "muted", text: state.metric === "eur" ? t("metric_eur") : t("metric_count") }),
    el("span", { class: "ramp" }, ...RAMP.slice(1).map((c) => { const s = el("i"); s.style.background = c; return s; })),
    el("span", { text: !max ? t("no_data") : state.metric === "count" ? `0 – ${fmtMetric(max)}` : `${fmtMetric(min)} – ${fmtMetric(max)} (${t("log_scale")})` }),
  );
}

// ---------- horizontal bars ----------
function bars(svg, items, onPick, isActive) {
  const rowH = 26, labelW = 215, valueW = 80, width = 540;
  const max = Math.max(0, ...items.map((i) => i.value));
  svg.setAttribute("viewBox", `0 0 ${width} ${Math.max(rowH, items.length * rowH)}`);
  if (!items.length) { svg.replaceChildren(el("svg:text", { x: 4, y: 18, class: "muted", text: t("no_data") })); return; }
  const rows = items.map((it, i) => {
    const y = i * rowH;
    const w = max ? Math.max(2, ((width - labelW - valueW) * it.value) / max) : 2;
    const label = it.label.length > 30 ? it.label.slice(0, 29) + "…" : it.label;
    return el("svg:g", { class: "bar" + (isActive(it) ? " active" : ""), transform: `translate(0,${y})`, tabindex: "0", role: "button",
      onclick: () => onPick(it), onkeydown: (e) => { if (e.key === "Enter") onPick(it); } },
      el("svg:title", { text: `${it.label}: ${fmtMetric(it.value)}` }),
      el("svg:rect", { x: 0, y: 0, width, height: rowH, class: "hit" }),
      el("svg:text", { x: labelW - 8, y: rowH / 2 + 4, "text-anchor": "end", class: "label", text: label }),
      el("svg:rect", { x: labelW, y: 5, width: w, height: rowH - 10, rx: 3, class: "fill" }),
      el("svg:text", { x: labelW + w + 6, y: rowH / 2 + 4, class: "value", text: fmtMetric(it.value) }),
    );
  });
  svg.replaceChildren(...rows);
}
function renderBars() {
  const s = state.stats;
  const m = (b) => (state.metric === "eur" ? b.eur || 0 : b.events);
  const sectors = (s.by_sector || []).map((b) => ({ key: b.key, label: t("s_" + b.key), value: m(b) }))
    .filter((b) => b.value > 0).sort((a, b) => b.value - a.value).slice(0, 12);
  bars($("#sectors"), sectors, (it) => setFilter("sector", state.filters.sector === it.key ? null : it.key), (it) => state.filters.sector === it.key);
  const inv = (s.by_investor || []).map((b) => ({ key: b.key, label: b.label || b.key, value: m(b) }))
    .filter((b) => b.value > 0).sort((a, b) => b.value - a.value).slice(0, 10);
  bars($("#investors"), inv, (it) => setFilter("investor", state.filters.investor === it.key ? null : it.key), (it) => state.filters.investor === it.key);
}

// ---------- monthly timeline ----------
function renderTimeline() {
  const svg = $("#timeline");
  const months = (state.stats.by_month || []).slice().sort((a, b) => a.key.localeCompare(b.key));
  const W = 1100, H = 220, padL = 64, padB = 34, padT = 12;
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  if (!months.length) { svg.replaceChildren(el("svg:text", { x: padL, y: H / 2, class: "muted", text: t("no_data") })); return; }
  // Fill the gaps so that the axis is regular.
  const all = [];
  const [y0, m0] = months[0].key.split("-").map(Number);
  const [y1, m1] = months[months.length - 1].key.split("-").map(Number);
  const byKey = new Map(months.map((m) => [m.key, m]));
  for (let y = y0, mo = m0; (y < y1 || (y === y1 && mo <= m1)) && all.length < 600; mo === 12 ? (y++, mo = 1) : mo++) {
    const k = `${y}-${String(mo).padStart(2, "0")}`;
    all.push(byKey.get(k) || { key: k, events: 0, eur: 0 });
  }
  const val = (b) => (state.metric === "eur" ? b.eur || 0 : b.events);
  // A "nice" axis: steps of 1, 2 or 5 times a power of ten.
  const raw = Math.max(1, ...all.map(val)) / 4;
  const p10 = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((k) => k * p10).find((k) => k >= raw);
  const ticks = Math.max(1, Math.ceil(Math.max(1, ...all.map(val)) / step));
  const max = step * ticks;
  const bw = (W - padL - 8) / all.length;
  const kids = [];
  for (let i = 0; i <= ticks; i++) {
    const y = padT + ((H - padT - padB) * i) / ticks;
    kids.push(el("svg:line", { x1: padL, x2: W - 4, y1: y, y2: y, class: "grid" }));
    kids.push(el("svg:text", { x: padL - 6, y: y + 4, "text-anchor": "end", class: "axis", text: fmtMetric(step * (ticks - i)) }));
  }
  const every = Math.max(1, Math.ceil(all.length / 14));
  all.forEach((b, i) => {
    const h = ((H - padT - padB) * val(b)) / max;
    const x = padL + i * bw;
    kids.push(el("svg:rect", { x: x + bw * 0.12, y: H - padB - h, width: Math.max(1, bw * 0.76), height: h, rx: 2, class: "tbar" },
      el("svg:title", { text: `${fmtMonth(b.key)} : ${fmtMetric(val(b))} (${fmtInt(b.events)})` })));
    if (i % every === 0) kids.push(el("svg:text", { x: x + bw / 2, y: H - padB + 18, "text-anchor": "middle", class: "axis", text: fmtMonth(b.key) }));
  });
  svg.replaceChildren(...kids);
}

// ---------- table ----------
function renderTable() {
  const page = state.page;
  const tb = $("#events tbody");
  if (!page.events.length) {
    tb.replaceChildren(el("tr", {}, el("td", { colspan: 8, class: "empty", text: t("no_events") })));
  } else {
    tb.replaceChildren(...page.events.map((ev) => {
      const href = `#/event/${encodeURIComponent(ev.id)}`;
      const who = ev.investor ? ev.investor.canonical || ev.investor.name : t("unknown");
      return el("tr", { "data-id": ev.id },
        el("td", { class: "nowrap", text: fmtDate(ev.published) }),
        el("td", {}, el("a", { href, text: who }), ev.recipient ? el("span", { class: "muted", text: ` → ${ev.recipient.canonical || ev.recipient.name}` }) : null),
        el("td", { text: t("kind_" + ev.kind) }),
        el("td", { class: "num nowrap", text: ev.amount ? fmtMoney(ev.amount.eur ?? ev.amount.value, ev.amount.eur != null ? "EUR" : ev.amount.currency) : "–" }),
        el("td", { text: placeText(ev) }),
        el("td", {}, ...ev.sectors.map((s) => el("span", { class: "tag", text: t("s_" + s) }))),
        el("td", { class: "num", text: ev.jobs ? fmtInt(ev.jobs.value) : "–" }),
        el("td", { class: "num", text: String(ev.sources.length) }),
      );
    }));
  }
  const from = page.total ? state.offset + 1 : 0;
  const to = Math.min(page.total, state.offset + page.events.length);
  $("#page-info").textContent = t("page_info", { from: fmtInt(from), to: fmtInt(to), total: fmtInt(page.total) });
  $("#prev").disabled = state.offset <= 0;
  $("#next").disabled = state.offset + PAGE >= page.total;
  for (const th of $$("#events th[data-sort]")) {
    th.classList.toggle("sorted", th.dataset.sort === state.sort);
    th.dataset.order = th.dataset.sort === state.sort ? state.order : "";
  }
}

// ---------- event page ----------
const enc = new TextEncoder();
const dec = new TextDecoder();
/** Splits `text` at byte offsets [start, end) (the contract's offsets are UTF-8 bytes). */
function splitBytes(text, start, end) {
  const b = enc.encode(text);
  if (!(start >= 0 && end >= start && end <= b.length)) return null;
  return [dec.decode(b.slice(0, start)), dec.decode(b.slice(start, end)), dec.decode(b.slice(end))];
}
function safeHref(s) { return /^https?:\/\//i.test(s) ? s : null; }

async function showEvent(id) {
  const body = $("#event-body");
  body.replaceChildren(el("p", { class: "muted", text: t("loading") }));
  let d;
  try { d = await api(`/api/events/${encodeURIComponent(id)}`); } catch (e) {
    body.replaceChildren(el("p", { class: "error", text: e.status === 404 ? t("not_found") : e.message }));
    return;
  }
  const ev = d.event;
  const who = ev.investor ? ev.investor.canonical || ev.investor.name : t("unknown");
  const facts = [
    [t("kind"), t("kind_" + ev.kind)],
    [t("status"), t("status_" + ev.status)],
    [t("investor"), ev.investor ? `${ev.investor.name}${ev.investor.country ? " (" + ev.investor.country + ")" : ""}` : "–"],
    [t("recipient"), ev.recipient ? ev.recipient.name : null],
    [t("amount"), ev.amount ? amountText(ev.amount) : null],
    [t("amount_eur"), ev.amount && ev.amount.eur != null && ev.amount.currency !== "EUR" ? fmtMoney(ev.amount.eur) : null],
    [t("places"), ev.places.length ? ev.places.map((p) => p.text).join(" · ") : null],
    [t("country"), ev.country],
    [t("sectors"), ev.sectors.length ? ev.sectors.map((s) => t("s_" + s)).join(", ") : null],
    [t("jobs"), ev.jobs ? t("q_" + ev.jobs.qualifier) + fmtInt(ev.jobs.value) : null],
    [t("horizon"), ev.horizon ? [ev.horizon.until ? t("until_year", { y: ev.horizon.until }) : null, ev.horizon.years ? t("over_years", { n: ev.horizon.years }) : null].filter(Boolean).join(", ") || null : null],
    [t("published"), ev.published ? fmtDate(ev.published) : null],
    [t("confidence"), nf({ style: "percent", maximumFractionDigits: 0 }).format(ev.confidence)],
  ].filter(([, v]) => v);
  const articles = new Map((d.articles || []).map((a) => [a.doc, a]));
  const evidence = ev.evidence.map((e, i) => {
    const a = articles.get(e.doc);
    const head = el("div", { class: "ev-head" },
      el("span", { class: "ev-n", text: String(i + 1) }),
      a ? (safeHref(a.source) ? el("a", { href: safeHref(a.source), rel: "noopener noreferrer", target: "_blank", text: a.title || a.source }) : el("span", { text: a.title || a.source })) : el("span", { text: e.doc }),
      a && a.published ? el("span", { class: "muted", text: ` · ${fmtDate(a.published)}` }) : null);
    const parts = a ? splitBytes(a.text, e.start, e.end) : null;
    let text;
    if (parts) {
      const mark = el("mark", { class: "evidence", text: parts[1] });
      text = el("div", { class: "article" }, parts[0], mark, parts[2]);
    } else {
      text = el("div", { class: "article" }, el("p", { class: "muted", text: t("article_missing") }), el("mark", { class: "evidence", text: e.sentence }));
    }
    return el("div", { class: "evidence-block" }, head, text);
  });
  const sources = el("ul", { class: "sources" }, ...ev.sources.map((s) => el("li", {},
    safeHref(s) ? el("a", { href: safeHref(s), rel: "noopener noreferrer", target: "_blank", text: s }) : el("code", { text: s }))));
  body.replaceChildren(
    el("h1", {}, who, ev.recipient ? ` → ${ev.recipient.canonical || ev.recipient.name}` : null, ev.amount ? el("span", { class: "amount", text: ` · ${ev.amount.eur != null ? fmtMoney(ev.amount.eur) : amountText(ev.amount)}` }) : null),
    el("p", { class: "subtitle", text: [t("kind_" + ev.kind), ev.places.length ? ev.places[0].text : ev.country, ev.published ? fmtDate(ev.published) : null].filter(Boolean).join(" · ") }),
    el("p", { class: "muted mono", text: ev.id }),
    el("dl", { class: "facts" }, ...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])),
    el("h2", { text: t("evidence") }),
    el("p", { class: "muted", text: t("evidence_help") }),
    ...evidence,
    el("h2", { text: t("sources") }),
    sources,
  );
  // Bring each highlighted sentence into view inside its scrolling article box.
  for (const box of $$(".article", body)) {
    const m = $("mark", box);
    if (m) box.scrollTop = Math.max(0, m.offsetTop - box.offsetTop - 40);
  }
  document.body.dataset.ready = "1";
}

// ---------- language ----------
function applyLang() {
  document.documentElement.lang = state.lang;
  for (const n of $$("[data-i18n]")) n.textContent = t(n.dataset.i18n);
  for (const b of $$(".lang button")) b.classList.toggle("on", b.dataset.lang === state.lang);
}
function updateToggles() {
  for (const b of $$("#level-toggle button")) b.classList.toggle("on", b.dataset.level === state.level);
  for (const b of $$("#metric-toggle button")) b.classList.toggle("on", b.dataset.metric === state.metric);
}

// ---------- wiring ----------
function wire() {
  $("#filters").addEventListener("submit", (e) => {
    e.preventDefault();
    const f = e.target;
    for (const k of ["q", "investor", "kind", "sector", "status", "since", "until", "min_eur"]) {
      const v = f[k].value.trim();
      if (v) state.filters[k] = v; else delete state.filters[k];
    }
    state.offset = 0; writeHash(); route();
  });
  $("#reset").addEventListener("click", () => {
    state.filters = {}; state.offset = 0; state.sort = "published"; state.order = "desc"; writeHash(); route();
  });
  for (const b of $$("#level-toggle button")) b.addEventListener("click", () => { state.level = b.dataset.level; writeHash(); renderMap(); updateToggles(); });
  for (const b of $$("#metric-toggle button")) b.addEventListener("click", () => { state.metric = b.dataset.metric; writeHash(); renderAll(); });
  for (const th of $$("#events th[data-sort]")) th.addEventListener("click", () => {
    if (state.sort === th.dataset.sort) state.order = state.order === "desc" ? "asc" : "desc";
    else { state.sort = th.dataset.sort; state.order = th.dataset.sort === "investor" ? "asc" : "desc"; }
    state.offset = 0; writeHash(); route();
  });
  $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); writeHash(); route(); });
  $("#next").addEventListener("click", () => { state.offset += PAGE; writeHash(); route(); });
  for (const b of $$(".lang button")) b.addEventListener("click", () => {
    state.lang = b.dataset.lang; localStorage.setItem("vigie.lang", state.lang); applyLang();
    if (!$("#dashboard").hidden) { fillForm(); if (state.stats) renderAll(); } else route();
  });
  window.addEventListener("hashchange", route);
}

async function main() {
  applyLang();
  wire();
  try { state.geo = await (await fetch("/assets/france.json")).json(); } catch { state.geo = null; }
  await route();
}
main();
