// End-to-end test of the dashboard in Debian's Chromium, driven by playwright-core.
// Usage: node dashboard.mjs BASE_URL SCREENSHOT_DIR
// Started by crates/vigie-server/tests/browser.rs against a server holding the
// test events; exits non-zero with a message on the first failed check.
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [base, shots] = process.argv.slice(2);
if (!base || !shots) {
  console.error("usage: node dashboard.mjs BASE_URL SCREENSHOT_DIR");
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const profile = mkdtempSync(join(tmpdir(), "vigie-e2e-"));

function check(cond, msg) {
  if (!cond) throw new Error("check failed: " + msg);
  console.log("ok -", msg);
}
async function api(path) {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
  return r.json();
}
async function rowIds(page) {
  return page.$$eval("#events tbody tr[data-id]", (rows) => rows.map((r) => r.dataset.id));
}
async function waitReady(page) {
  await page.waitForFunction(() => document.body.dataset.ready === "1", null, { timeout: 15000 });
}
/** Waits until the table shows exactly the events of the API query. */
async function waitTable(page, query) {
  const want = (await api(`/api/events?${query}&limit=25&sort=published&order=desc`)).events.map((e) => e.id);
  await page.waitForFunction(
    (ids) => JSON.stringify(Array.from(document.querySelectorAll("#events tbody tr[data-id]")).map((r) => r.dataset.id)) === JSON.stringify(ids),
    want, { timeout: 15000 });
  return want;
}

const errors = [];
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1440, height: 1000 },
  deviceScaleFactor: 1,
  locale: "fr-FR",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const page = ctx.pages()[0] || (await ctx.newPage());
  page.on("pageerror", (e) => errors.push("page error: " + e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push("console: " + m.text()); });
  // The dashboard must not reach anything but its own origin (no CDN).
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) errors.push("external request: " + r.url()); });

  // 1. The dashboard, in French: the map has coloured regions.
  await page.goto(base + "/#/");
  await waitReady(page);
  await page.click(".lang button[data-lang=fr]");
  const regions = await page.$$eval("#map path.area", (ps) => ps.map((p) => ({ code: p.dataset.code, fill: p.getAttribute("fill"), v: +p.dataset.value })));
  check(regions.length === 13, `the map draws the 13 metropolitan regions (got ${regions.length})`);
  const coloured = regions.filter((r) => r.fill && r.fill !== "#e7e9ee");
  check(coloured.length >= 3, `at least 3 regions are coloured (got ${coloured.length})`);
  check(new Set(coloured.map((r) => r.fill)).size >= 2, "regions are coloured by value (more than one colour)");
  const stats = await api("/api/stats");
  check(await page.textContent("#kpi-events") === new Intl.NumberFormat("fr-FR").format(stats.events), "the event count matches /api/stats");
  check((await page.$$("#sectors .bar")).length >= 3, "the sector chart has bars");
  check((await page.$$("#investors .bar")).length >= 3, "the investor chart has bars");
  check((await page.$$("#timeline rect.tbar")).length >= 3, "the timeline has monthly bars");
  const all = await waitTable(page, "");
  check(all.length > 0, `the table lists events (${all.length})`);
  await page.screenshot({ path: join(shots, "01-dashboard-fr.png"), fullPage: true });

  // 2. Click the region with the most money: the table shows its events only.
  const top = regions.slice().sort((a, b) => b.v - a.v)[0];
  await page.click(`#map path.area[data-code="${top.code}"]`);
  const inRegion = await waitTable(page, `region=${top.code}`);
  check(inRegion.length > 0 && inRegion.length < all.length || (await api(`/api/events?region=${top.code}`)).total < stats.events,
    `clicking region ${top.code} filters the table (${inRegion.length} rows)`);
  check(await page.$(`#map path.area.selected[data-code="${top.code}"]`) !== null, "the clicked region is outlined as selected");
  check((await page.textContent("#chips")).length > 0, "a filter chip shows the region");
  const stillColoured = await page.$$eval("#map path.area", (ps) => ps.filter((p) => p.getAttribute("fill") !== "#e7e9ee").length);
  check(stillColoured === coloured.length, "the map keeps every region coloured so that the selection can change");
  check(await page.textContent("#kpi-events") === String((await api(`/api/stats?region=${top.code}`)).events), "the KPIs follow the region filter");
  await page.mouse.move(10, 10);
  await page.screenshot({ path: join(shots, "02-region-filter.png"), fullPage: true });

  // 3. Départements, by number of projects.
  await page.click("#chips .chip");
  await waitTable(page, "");
  await page.click("#level-toggle button[data-level=departements]");
  await page.click("#metric-toggle button[data-metric=count]");
  const deps = await page.$$eval("#map path.area", (ps) => ps.length);
  check(deps === 96, `the map draws the 96 metropolitan départements (got ${deps})`);
  const depsColoured = await page.$$eval("#map path.area", (ps) => ps.filter((p) => p.getAttribute("fill") !== "#e7e9ee").length);
  check(depsColoured >= 3, `départements are coloured by number of projects (${depsColoured})`);
  await page.screenshot({ path: join(shots, "03-departements-count.png"), fullPage: true });

  // 4. A filter from the form (sector) and a sort (amount, descending).
  await page.selectOption("#filters select[name=sector]", "batteries_ev");
  await page.click("#filters button[type=submit]");
  const batt = await waitTable(page, "sector=batteries_ev");
  check(batt.length > 0 && batt.length < all.length, `the sector filter narrows the table (${batt.length} rows)`);
  await page.click("#events th[data-sort=eur]");
  const byEur = (await api("/api/events?sector=batteries_ev&sort=eur&order=desc&limit=25")).events.map((e) => e.id);
  await page.waitForFunction((ids) => JSON.stringify(Array.from(document.querySelectorAll("#events tbody tr[data-id]")).map((r) => r.dataset.id)) === JSON.stringify(ids), byEur, { timeout: 15000 });
  check(true, "sorting by amount orders the table as the API does");

  // 5. English.
  await page.click("#reset");
  await waitTable(page, "");
  await page.click("#level-toggle button[data-level=regions]");
  await page.click("#metric-toggle button[data-metric=eur]");
  await page.click(".lang button[data-lang=en]");
  check((await page.textContent(".map-card h2")) === "Where is the money going?", "the interface switches to English");
  check((await page.textContent("#events th[data-sort=investor]")).startsWith("Investor"), "table headers are in English");
  await page.screenshot({ path: join(shots, "04-dashboard-en.png"), fullPage: true });

  // 6. An event page: every piece of evidence is highlighted in its article.
  await page.click(".lang button[data-lang=fr]");
  const firstId = (await rowIds(page))[0];
  await page.click(`#events tbody tr[data-id="${firstId}"] a`);
  await page.waitForSelector("mark.evidence", { timeout: 15000 });
  const detail = await api(`/api/events/${encodeURIComponent(firstId)}`);
  const marks = await page.$$eval("mark.evidence", (ms) => ms.map((m) => m.textContent));
  check(marks.length === detail.event.evidence.length, `one highlight per piece of evidence (${marks.length})`);
  detail.event.evidence.forEach((ev, i) => check(marks[i] === ev.sentence, `highlight ${i + 1} is exactly the evidence sentence`));
  const shown = await page.$$eval(".article", (as) => as.map((a) => a.textContent));
  const first = detail.articles.find((a) => a.doc === detail.event.evidence[0].doc);
  check(first && shown[0] === first.text, "the whole article text is shown around the highlight");
  check(await page.$eval(".article", (a) => a.querySelector("mark.evidence") !== null), "the highlight sits inside its article");
  const links = await page.$$eval(".sources a", (as) => as.map((a) => a.href));
  check(links.length >= 1 && links.every((h) => /^https?:/.test(h)), `sources are links (${links.length})`);
  await page.screenshot({ path: join(shots, "05-event-page.png"), fullPage: true });

  // 7. An event with several articles (evidence from more than one source), in English.
  const multi = (await api("/api/events?limit=200")).events.find((e) => new Set(e.evidence.map((x) => x.doc)).size > 1);
  if (multi) {
    await page.goto(`${base}/#/event/${encodeURIComponent(multi.id)}`);
    await page.click(".lang button[data-lang=en]");
    await page.waitForSelector("mark.evidence");
    const n = (await page.$$("mark.evidence")).length;
    check(n === multi.evidence.length, `multi-source event shows ${n} highlights`);
    await page.screenshot({ path: join(shots, "06-event-multi-source-en.png"), fullPage: true });
  }

  check(errors.length === 0, "no page errors, console errors or external requests" + (errors.length ? ": " + errors.join("; ") : ""));

  // 8. An unknown event shows a clear message (the browser logs the 404).
  await page.goto(`${base}/#/event/evt_does_not_exist`);
  await page.waitForSelector("#event-body .error");
  check(true, "an unknown event id shows an error message");
  errors.length = 0;
  console.log("all checks passed; screenshots in " + shots);
} catch (e) {
  failed = true;
  console.error(e && e.stack ? e.stack : String(e));
  if (errors.length) console.error("browser errors:\n" + errors.join("\n"));
  try { const p = ctx.pages()[0]; if (p) await p.screenshot({ path: join(shots, "failure.png"), fullPage: true }); } catch {}
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
