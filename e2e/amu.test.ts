/**
 * The AMU staff journey in a real Chromium against the real server (`bevis serve --demo`, PGlite, built web app):
 * a TAP user finds a participation with a result in the wrong field, sees the finding with its section beside the
 * field, corrects it with a reason, builds the quarterly report, downloads the CSV file and reads it back; then
 * switches institution and sees none of the first institution's data. Readonly and laerer users get no save button
 * and a 403 when they force a write.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { cprFor } from "../src/kernel/ids/testing.ts";
import { parseCsv } from "../src/platform/csv.ts";
import { demoUser, login, newPage, ROOT, serverAndBrowser } from "./harness.ts";

interface Finding {
  rule: string;
  severity: string;
  subject?: string;
  cite: { seed: string; ref: string };
  message: { en: string; da?: string };
}
interface Detail {
  participation: Record<string, unknown> & { id: string; version: number; cpr: string; endDate: string | null };
  findings: Finding[];
}

/** Group 1 ↔ group 2 categories with the same outcome (seed 000 Bilag 1 / Bilag 2). */
const TO_GROUP_2: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 3, 5: 4, 6: 3 };
const TO_GROUP_1: Record<number, number> = { 1: 1, 2: 3, 3: 4, 4: 5 };
const RESULT_FIELDS = ["resultatProevebelagt", "resultatIkkeProevebelagt"] as const;

const e2e = serverAndBrowser();

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The ids of the participations the list page shows, once it has loaded. */
async function listedIds(page: Page): Promise<string[]> {
  await page.locator('[data-testid="participations"], [data-testid="list-empty"]').first().waitFor();
  return page.getByTestId("participation-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id") ?? ""));
}

const quarterOf = (iso: string) => `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

describe("AMU staff UI", () => {
  test("TAP corrects a result in the wrong field, builds the quarterly report and reads the CSV back; the other institution's data stays hidden", async () => {
    const tap = demoUser("tap@begge.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, tap.email, tap.password);
      const me = await json<{ current: string; institutions: { id: string; name: string }[] }>(page, "/api/auth/me");
      const syd = me.institutions.find((i) => i.name === "AMU Syd (demo)")!;
      const nord = me.institutions.find((i) => i.name === "AMU Nord (demo)")!;
      if (me.current !== syd.id) {
        await page.getByTestId("institution-switcher").selectOption(syd.id);
        await page.locator(`main[data-institution="${syd.id}"]`).waitFor();
      }

      // Which participation has a result in the wrong field? (Found through the API; then opened through the UI.)
      const errs = await json<{ items: { id: string; fagkode: string }[] }>(page, "/api/amu/participations?findings=error&limit=200");
      let target: { id: string; fagkode: string; detail: Detail; finding: Finding } | undefined;
      for (const row of errs.items) {
        const d = await json<Detail>(page, `/api/amu/participations/${row.id}`);
        const f = d.findings.find((x) => x.rule === "amu.result.wrong-field");
        if (f) {
          target = { id: row.id, fagkode: row.fagkode, detail: d, finding: f };
          break;
        }
      }
      expect(target, "the demo data has a participation with a result in the wrong field").toBeDefined();
      const { id, fagkode, detail, finding } = target!;
      const wrongField = finding.subject as (typeof RESULT_FIELDS)[number];
      expect(RESULT_FIELDS).toContain(wrongField);
      const rightField = RESULT_FIELDS.find((f) => f !== wrongField)!;
      const wrongValue = detail.participation[wrongField] as number;
      const corrected = (wrongField === "resultatProevebelagt" ? TO_GROUP_2 : TO_GROUP_1)[wrongValue]!;

      // The list, filtered to errors and the goal, shows it with an error badge.
      await page.getByTestId("nav-participations").click();
      await page.getByTestId("filter-findings").selectOption("error");
      await page.getByTestId("filter-fagkode").selectOption(fagkode);
      const row = page.locator(`[data-testid="participation-row"][data-id="${id}"]`);
      await row.waitFor();
      expect(Number(await row.getByTestId("badge-errors").getAttribute("data-count"))).toBeGreaterThan(0);
      expect(await row.locator("td").first().textContent()).not.toContain(detail.participation.cpr); // CPR masked
      await row.getByRole("link").click();

      // The finding stands beside the field it concerns, with its citation.
      const beside = page.locator(`[data-testid="field-${wrongField}"] [data-testid="finding"][data-rule="amu.result.wrong-field"]`);
      await beside.waitFor();
      expect(await beside.getByTestId("finding-cite").textContent()).toBe(`seed ${finding.cite.seed} · ${finding.cite.ref}`);
      expect(await beside.locator(".finding-message").textContent()).toBe(finding.message.da ?? finding.message.en);
      await page.getByTestId("group-decision").waitFor();

      if (process.env.UPDATE_SCREENSHOT === "1") {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(ROOT, "docs", "screenshot.png") });
      }

      // Fix it: empty the wrong field, set the right one; the live check removes the finding before saving.
      await page.getByTestId(`input-${wrongField}`).selectOption("");
      await page.getByTestId(`input-${rightField}`).selectOption(String(corrected));
      await beside.waitFor({ state: "detached" });
      await page.locator('[data-rule="amu.result.wrong-field"]').waitFor({ state: "detached" });

      // Saving an edit needs a reason.
      await page.getByTestId("save").click();
      await page.getByTestId("reason-missing").waitFor();
      const reason = "Resultatet stod i det forkerte felt (e2e-test)";
      await page.getByTestId("input-reason").fill(reason);
      await page.getByTestId("save").click();
      await page.getByTestId("notice").waitFor();
      await page.locator('[data-testid="history-entry"]', { hasText: reason }).waitFor();
      expect(await page.locator('[data-rule="amu.result.wrong-field"]').count()).toBe(0);
      const saved = await json<Detail>(page, `/api/amu/participations/${id}`);
      expect(saved.participation.version).toBeGreaterThan(detail.participation.version);
      expect(saved.participation[rightField]).toBe(corrected);
      expect(saved.participation[wrongField]).toBeNull();
      expect(saved.findings.some((f) => f.rule === "amu.result.wrong-field")).toBe(false);

      // The quarterly report for the quarter the participation ended in.
      const quarter = quarterOf(saved.participation.endDate!);
      await page.getByTestId("nav-reports").click();
      await page.getByTestId("upload-window").waitFor();
      await page.getByTestId("report-quarter").selectOption(quarter);
      await page.locator(`[data-testid="report-preview"][data-quarter="${quarter}"]`).waitFor();
      // Other participations in the report's window still have errors: the preview lists them as blocking, each with
      // a link to the form; correct them one by one (the fix the finding asks for), then the report can be built.
      for (let round = 0; ; round++) {
        const items = page.getByTestId("blocking-participation");
        if ((await items.count()) === 0) break;
        expect(round, "blocking participations left after correcting them").toBeLessThan(6);
        const pid = (await items.first().getAttribute("data-id"))!;
        await items.first().getByTestId("blocking-link").click();
        await page.getByTestId("participation-form").waitFor();
        const d = await json<Detail>(page, `/api/amu/participations/${pid}`);
        for (const f of d.findings.filter((x) => x.severity === "error")) {
          if (f.rule === "amu.ikv.bevis-without-fagkoder") await page.getByTestId("ikv-fagkode").first().check();
          else if (f.rule === "amu.written-oral.one-missing" || f.rule === "amu.emergency.omitted-needs-5") await page.getByTestId("input-resultatProevebelagt").selectOption("5");
          else throw new Error(`the test knows no correction for ${f.rule} (${f.message.en})`);
        }
        await page.locator('[data-testid="participation-form"] [data-testid="finding"][data-severity="error"]').first().waitFor({ state: "detached" });
        await page.getByTestId("input-reason").fill(`Rettet efter fund før kvartalsindberetningen (e2e-test ${round + 1})`);
        await page.getByTestId("save").click();
        await page.getByTestId("notice").waitFor();
        await page.getByTestId("nav-reports").click();
        await page.getByTestId("report-quarter").selectOption(quarter);
        await page.locator(`[data-testid="report-preview"][data-quarter="${quarter}"]`).waitFor();
      }
      await page.getByTestId("report-build").click();
      await page.getByTestId("report-built").waitFor();
      const reportId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
      const number = Number(await page.getByTestId("submission-title").getAttribute("data-number"));
      expect(number).toBeGreaterThanOrEqual(1);
      await page.getByTestId("report-diff").waitFor();
      const rowsOnPage = Number(await page.getByTestId("report-row-count").getAttribute("data-count"));
      expect(rowsOnPage).toBeGreaterThan(0);
      expect(await page.locator(`[data-testid="earlier-report"][data-id="${reportId}"]`).count()).toBe(1);

      // Download the CSV file and read it back.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
      const csvText = await readFile((await download.path())!, "utf8");
      const records = parseCsv(csvText).map((r) => r.fields);
      const header = records[0]!;
      const body = records.slice(1);
      const col = (name: string) => {
        const i = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
        expect(i, `column ${name} in ${header.join(";")}`).toBeGreaterThanOrEqual(0);
        return i;
      };
      expect(header.slice(0, 6)).toEqual(["DeltagelseId", "Posttype", "ProeveNr", "GodkendtSkole", "UdliciteretTil", "CPR"]);
      const idCol = col("DeltagelseId");
      const cprCol = col("CPR");
      const fagkodeCol = col("Fagkode");
      const rightCol = col(rightField);
      const wrongCol = col(wrongField);
      expect(body.length).toBe(rowsOnPage);
      const mine = body.filter((r) => r[idCol] === id);
      expect(mine.length).toBe(1);
      expect(mine[0]![cprCol]).toBe(detail.participation.cpr);
      expect(mine[0]![fagkodeCol]).toBe(fagkode);
      expect(mine[0]![rightCol]).toBe(String(corrected));
      expect(mine[0]![wrongCol]).toBe("");

      // Switch institution: nothing of AMU Syd is shown in AMU Nord.
      await page.getByTestId("nav-participations").click();
      const sydIds = await listedIds(page);
      await page.getByTestId("institution-switcher").selectOption(nord.id);
      await page.locator(`main[data-institution="${nord.id}"]`).waitFor();
      await page.goto("/amu/participations");
      await page.locator(`main[data-institution="${nord.id}"]`).waitFor();
      const nordIds = await listedIds(page);
      expect(nordIds).not.toContain(id);
      expect(nordIds.filter((x) => sydIds.includes(x))).toEqual([]);
      await page.getByTestId("filter-q").fill(fagkode);
      await listedIds(page);
      expect(await page.locator(`[data-testid="participation-row"][data-id="${id}"]`).count()).toBe(0);
      // Opening the Syd participation by its address answers "not found", and the Syd report is not listed.
      await page.goto(`/amu/participations/${id}`);
      await page.getByTestId("problem").waitFor();
      expect(await page.getByTestId("participation-form").count()).toBe(0);
      await page.getByTestId("nav-reports").click();
      await page.getByTestId("earlier-reports").waitFor();
      await page.getByTestId("report-row-count").waitFor();
      expect(await page.locator(`[data-testid="earlier-report"][data-id="${reportId}"]`).count()).toBe(0);
      await page.goto(`/amu/reports/${reportId}`);
      await page.getByTestId("problem").waitFor();
    } finally {
      await context.close();
    }
  });

  for (const email of ["readonly@amu-syd.example", "laerer@amu-syd.example"]) {
    test(`${email} sees no save button and gets 403 when forcing a write`, async () => {
      const u = demoUser(email);
      const { context, page } = await newPage(e2e.browser, e2e.server.url);
      try {
        await login(page, u.email, u.password);
        await page.goto("/amu/participations");
        const ids = await listedIds(page);
        expect(ids.length).toBeGreaterThan(0);
        expect(await page.getByTestId("new-participation").count()).toBe(0);
        await page.locator(`[data-testid="participation-row"][data-id="${ids[0]}"]`).getByRole("link").click();
        await page.getByTestId("participation-form").waitFor();
        await page.getByTestId("readonly-note").waitFor();
        expect(await page.getByTestId("save").count()).toBe(0);
        expect(await page.getByTestId("input-reason").count()).toBe(0);
        expect(await page.getByTestId("input-cpr").isDisabled()).toBe(true);
        const shownCpr = await page.getByTestId("input-cpr").inputValue();
        expect(shownCpr).not.toMatch(/^\d{10}$/); // masked for this role

        // Forced writes through the API are refused.
        const d = await json<Detail>(page, `/api/amu/participations/${ids[0]}`);
        const { id: _id, version, retakes: _r, providerId: _p, ...input } = d.participation;
        const put = await page.request.put(`/api/amu/participations/${ids[0]}`, { data: { ...input, cpr: "0101901234", version, reason: "forced" } });
        expect(put.status()).toBe(403);
        const create = await page.request.post("/api/amu/participations", { data: { ...input, cpr: "0101901234" } });
        expect(create.status()).toBe(403);
        const build = await page.request.post("/api/amu/reports", { data: { quarter: "2024Q3" } });
        expect(build.status()).toBe(403);
      } finally {
        await context.close();
      }
    });
  }

  test("a stale save shows the conflict, keeps the user's input and merges it onto the newer version", async () => {
    const a = demoUser("tap@amu-syd.example");
    const b = demoUser("admin@amu-syd.example");
    const A = await newPage(e2e.browser, e2e.server.url);
    const B = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(A.page, a.email, a.password);
      await login(B.page, b.email, b.password);
      await A.page.goto("/amu/participations?findings=none&status=ended");
      const ids = await listedIds(A.page);
      expect(ids.length).toBeGreaterThan(0);
      const d = await json<Detail & { group: { value: 1 | 2 } }>(A.page, `/api/amu/participations/${ids[0]}`);
      const field = d.group.value === 1 ? "resultatProevebelagt" : "resultatIkkeProevebelagt";
      const current = d.participation[field] as number | null;
      const other = String(current === 4 ? 1 : 4); // group 1: 4 = failed; group 2: 4 = dropped out — both valid categories
      for (const p of [A.page, B.page]) {
        await p.goto(`/amu/participations/${ids[0]}`);
        await p.getByTestId("participation-form").waitFor();
      }
      // B saves first.
      await B.page.getByTestId("input-outsourcedTo").fill("Partner B");
      await B.page.getByTestId("input-reason").fill("B: udliciteret");
      await B.page.getByTestId("save").click();
      await B.page.getByTestId("notice").waitFor();
      // A edits the result on the old version and saves: 409, the input stays.
      await A.page.getByTestId(`input-${field}`).selectOption(other);
      await A.page.getByTestId("input-reason").fill("A: resultatet rettet");
      await A.page.getByTestId("save").click();
      await A.page.getByTestId("conflict").waitFor();
      expect(await A.page.getByTestId(`input-${field}`).inputValue()).toBe(other);
      expect(await A.page.getByTestId("input-reason").inputValue()).toBe("A: resultatet rettet");
      // Reload: B's change comes in, A's change is kept; saving again succeeds.
      await A.page.getByTestId("conflict-reload").click();
      await A.page.getByTestId("notice").waitFor();
      expect(await A.page.getByTestId("input-outsourcedTo").inputValue()).toBe("Partner B");
      expect(await A.page.getByTestId(`input-${field}`).inputValue()).toBe(other);
      await A.page.getByTestId("save").click();
      await A.page.locator('[data-testid="history-entry"]', { hasText: "A: resultatet rettet" }).waitFor();
      const after = await json<Detail>(A.page, `/api/amu/participations/${ids[0]}`);
      expect(after.participation.outsourcedTo).toBe("Partner B");
      expect(after.participation[field]).toBe(Number(other));
      expect(after.participation.version).toBe(d.participation.version + 2);
    } finally {
      await A.context.close();
      await B.context.close();
    }
  });

  test("a new participation is checked live: findings appear beside the field as the user types", async () => {
    const tap = demoUser("tap@amu-syd.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, tap.email, tap.password);
      await page.getByTestId("new-participation").click();
      await page.getByTestId("participation-form").waitFor();
      expect(await page.getByTestId("input-reason").count()).toBe(0); // no reason for a new registration
      await page.getByTestId("input-cpr").fill("12345");
      await page.locator('[data-testid="field-cpr"] [data-testid="finding"][data-severity="error"]').first().waitFor();
      await page.getByTestId("input-fagkode").selectOption({ index: 1 });
      await page.getByTestId("input-startDate").fill("2025-03-03");
      await page.getByTestId("input-endDate").fill("2025-03-07");
      // A well-formed (synthetic) CPR number: the CPR finding goes, and the group is decided with its reasons.
      await page.getByTestId("input-cpr").fill(cprFor("1985-06-15", 123)!);
      await page.locator('[data-testid="field-cpr"] [data-testid="finding"]').first().waitFor({ state: "detached" });
      await page.getByTestId("group-decision").locator('[data-testid="finding"]').first().waitFor();
      expect(["1", "2"]).toContain(await page.getByTestId("group-decision").getAttribute("data-group"));
    } finally {
      await context.close();
    }
  });

  test("the language switch shows findings in English and keeps the choice", async () => {
    const tap = demoUser("tap@amu-syd.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, tap.email, tap.password);
      expect(await page.locator("html").getAttribute("lang")).toBe("da");
      await page.goto("/amu/participations?findings=error");
      const ids = await listedIds(page);
      expect(ids.length).toBeGreaterThan(0);
      const d = await json<Detail>(page, `/api/amu/participations/${ids[0]}`);
      await page.getByTestId("lang-en").click();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      await page.locator(`[data-testid="participation-row"][data-id="${ids[0]}"]`).getByRole("link").click();
      const first = d.findings.find((f) => f.severity === "error")!;
      await page.locator(`[data-testid="finding"][data-rule="${first.rule}"] .finding-message`, { hasText: first.message.en }).first().waitFor();
      await page.reload();
      await page.getByTestId("participation-form").waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      await page.getByTestId("logout").click();
      await page.getByTestId("login-form").waitFor();
    } finally {
      await context.close();
    }
  });
});
