/**
 * Seed 002, the examinee page (/eksamen/examinees/:id) in a real Chromium against the real server (`bevis serve
 * --demo`, PGlite, the built web app). The leder of the demo gymnasium works on an examinee of its own (made through
 * the API, so the demo's people stay as e2e/eksamen.test.ts expects them):
 *
 * 1. corrects the name with a reason → the history shows both versions; an edit with the old version sent from the
 *    page → 409 and nothing changed; the form itself, after someone else saved, shows the conflict and reloads. Merit
 *    (§ 35, stk. 2) for the demo's Mads Madsen: a grade off the scale is refused, »Bestået« is shown as on the diploma.
 * 2. § 19: special conditions without a basis are refused beside the field, with one they are decided (never on a
 *    diploma, § 35, stk. 3); § 20: an expulsion for non-permitted aids (must, stk. 1) voids the exam's grade (a void
 *    version) and the § 20, stk. 4 retake findings are shown; § 37: the examinee leaves, a prøvebevis is issued, stands
 *    in the ledger with § 38's "Opbevares til" (the documents API's `retainUntil`, read from the page) and its PDF
 *    (pdftotext) shows the exam taken, not the lapsed grade nor the special conditions. A
 *    lærer (no write role) sees the decisions and no forms.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_USERS } from "../src/platform/bootstrap.ts";
import { pdfText } from "../src/platform/render/testing.ts";
import { login, newPage, serverAndBrowser } from "./harness.ts";

const leder = (() => {
  const u = DEMO_USERS.find((x) => x.email === "leder@fjordby-gym.example");
  if (!u) throw new Error("no demo leder in DEMO_USERS (API.md lists it)");
  return u;
})();

const laerer = (() => {
  const u = DEMO_USERS.find((x) => x.email === "laerer@fjordby-gym.example");
  if (!u) throw new Error("no demo laerer in DEMO_USERS (API.md lists it)");
  return u;
})();

const e2e = serverAndBrowser();

/** A JSON call from the page (the logged-in session's cookie), returning status and body. */
async function call(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ([method, path, body]) => {
      const res = await fetch(path as string, { method: method as string, headers: { "Content-Type": "application/json", Accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
    [method, path, body] as const,
  );
}

async function ok<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const r = await call(page, method, path, body);
  if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as T;
}

interface ExamineeWire {
  id: string;
  name: string;
  version: number;
  education: string;
  coherent: boolean;
  programmeStart: string;
  selfStudy: boolean;
  leftOn: string | null;
  repeatsYear: boolean;
}

const fields = (e: ExamineeWire) => ({ name: e.name, education: e.education, coherent: e.coherent, programmeStart: e.programmeStart, selfStudy: e.selfStudy, leftOn: e.leftOn, repeatsYear: e.repeatsYear });

async function newExaminee(page: Page, cpr: string, name: string): Promise<ExamineeWire> {
  return ok<ExamineeWire>(page, "POST", "/api/eksamen/examinees", { cpr, name, education: "stx", coherent: true, programmeStart: "2021-08-01" });
}

/** Opens the edit form (a <details>), fills the given fields and the reason, saves. */
async function edit(page: Page, fill: () => Promise<void>, reason: string): Promise<void> {
  const details = page.getByTestId("ek-edit");
  if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
  await fill();
  await page.getByTestId("ek-edit-reason").fill(reason);
  await page.getByTestId("ek-edit-save").click();
}

describe("eksamen: the examinee page (seed 002)", () => {
  test("correct an examinee with a reason (history of versions); a stale version is refused with 409 and nothing changes; merit as on the diploma", async () => {
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, leder.email, leder.password);
      const x = await newExaminee(page, "0303069123", "Tove Tastefejl");
      await page.goto(`/eksamen/examinees/${x.id}`);
      await page.getByTestId("ek-examinee-name").filter({ hasText: "Tove Tastefejl" }).waitFor();

      // a correction without a reason is refused (the server's finding beside the field)
      const details = page.getByTestId("ek-edit");
      await details.locator("summary").click();
      await page.getByTestId("ek-edit-name").fill("Tove Tastesen");
      await page.getByTestId("ek-edit-save").click();
      await page.getByTestId("ek-edit-refused").waitFor();
      expect(await page.getByTestId("findings-reason").getByTestId("finding").count()).toBe(1);

      await edit(page, async () => {}, "Efternavnet var stavet forkert");
      await page.getByTestId("ek-examinee-name").filter({ hasText: "Tove Tastesen" }).waitFor();
      const rows = page.getByTestId("ek-history-row");
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.evaluateAll((els) => els.map((e) => [e.getAttribute("data-version"), e.getAttribute("data-name"), e.getAttribute("data-reason")]))).toEqual([
        ["2", "Tove Tastesen", "Efternavnet var stavet forkert"],
        ["1", "Tove Tastefejl", ""],
      ]);

      // a stale edit from the page context: version 1 again → 409 eksamen.version.stale, nothing changed
      const stale = await call(page, "PUT", `/api/eksamen/examinees/${x.id}`, { ...fields(x), name: "Tove Forældet", version: 1, reason: "gammel version" });
      expect(stale.status).toBe(409);
      expect(JSON.stringify(stale.body)).toContain("eksamen.version.stale");
      const now = await ok<ExamineeWire & { history: unknown[] }>(page, "GET", `/api/eksamen/examinees/${x.id}`);
      expect(now).toMatchObject({ name: "Tove Tastesen", version: 2 });
      expect(now.history).toHaveLength(2);

      // someone else saves version 3 while the form still holds version 2: the form shows the conflict, merges nothing
      await ok(page, "PUT", `/api/eksamen/examinees/${x.id}`, { ...fields(now), repeatsYear: true, version: 2, reason: "går klassen om" });
      await edit(page, () => page.getByTestId("ek-edit-name").fill("Tove Tabt"), "min rettelse");
      const conflict = page.getByTestId("ek-edit-conflict");
      await conflict.waitFor();
      expect(await conflict.textContent()).toContain("version 2");
      const after = await ok<ExamineeWire>(page, "GET", `/api/eksamen/examinees/${x.id}`);
      expect(after).toMatchObject({ name: "Tove Tastesen", version: 3, repeatsYear: true });
      await page.getByTestId("ek-edit-reload").click();
      await expect.poll(() => page.getByTestId("ek-edit").getAttribute("data-version")).toBe("3");
      await expect.poll(() => page.getByTestId("ek-history-row").count()).toBe(3);
      expect(await page.getByTestId("ek-examinee-name").textContent()).toBe("Tove Tastesen");
      expect(await page.getByTestId("ek-edit-repeats").isChecked()).toBe(true);

      // merit (§ 35, stk. 2) for the demo's Mads Madsen, whose diploma can be made: a grade off the scale is refused
      // beside its field; a transferred »Bestået« in Historie C is shown as the diploma shows it
      await page.goto("/eksamen/examinees");
      await page.locator('[data-testid="ek-examinee-row"][data-name="Mads Madsen"]').getByTestId("ek-examinee-link").click();
      await page.getByTestId("ek-examinee-name").filter({ hasText: "Mads Madsen" }).waitFor();
      await page.getByTestId("ek-merit-subject").selectOption("HIS");
      await page.getByTestId("ek-merit-level").selectOption("C");
      await page.getByTestId("ek-merit-part").selectOption("oral");
      await page.getByTestId("ek-merit-kind").selectOption("grade");
      await page.getByTestId("ek-merit-grade").fill("11");
      await page.getByTestId("ek-merit-source").fill("Nordby Gymnasium, 2023");
      await page.getByTestId("ek-merit-date").fill("2023-06-20");
      await page.getByTestId("ek-merit-submit").click();
      const off = page.getByTestId("findings-assessment.grade").getByTestId("finding");
      await off.waitFor();
      expect(await off.getAttribute("data-rule")).toBe("grade.7.not-on-scale");
      expect(await page.getByTestId("ek-merit-row").count()).toBe(0);
      await page.getByTestId("ek-merit-kind").selectOption("passed");
      await page.getByTestId("ek-merit-submit").click();
      const merit = page.locator('[data-testid="ek-merit-row"][data-subject="HIS"]');
      await merit.waitFor();
      await expect.poll(() => merit.getAttribute("data-diploma")).toBe("Bestået");
      const line = page.locator('[data-testid="ek-diploma-line"][data-subject="HIS"][data-level="C"]');
      expect(await line.getAttribute("data-source")).toBe("merit");
      expect(await line.textContent()).toContain("Bestået");
    } finally {
      await context.close();
    }
  });

  test("§ 19 special conditions, a § 20 expulsion voiding the grade (stk. 4), and a § 37 prøvebevis for a leaver", async () => {
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, leder.email, leder.password);
      const x = await newExaminee(page, "0404069124", "Lasse Afgang");
      const exams = await ok<{ id: string; termId: string; subject: { code: string }; level: string; part: string; date: string }[]>(page, "GET", "/api/eksamen/exams");
      const fys = exams.find((e) => e.subject.code === "FYS" && e.part === "oral")!;
      const danW = exams.find((e) => e.subject.code === "DAN" && e.part === "written")!;
      for (const e of [danW, fys]) {
        await ok(page, "POST", "/api/eksamen/registrations", { examId: e.id, examineeId: x.id, registeredOn: "2024-02-01", followedTeaching: true, formalRequirementsMet: true });
      }
      await ok(page, "POST", "/api/eksamen/grades", { kind: "exam", examineeId: x.id, subjectCode: "DAN", level: "A", part: "written", grade: "10", date: danW.date, announcedOn: "2024-06-20", termId: danW.termId, examId: danW.id });
      await ok(page, "POST", "/api/eksamen/grades", { kind: "exam", examineeId: x.id, subjectCode: "FYS", level: "B", part: "oral", grade: "7", date: fys.date, announcedOn: fys.date, termId: fys.termId, examId: fys.id });
      await page.goto(`/eksamen/examinees/${x.id}`);
      await page.getByTestId("ek-examinee-name").filter({ hasText: "Lasse Afgang" }).waitFor();

      // § 19: no basis → refused beside the field; a physical disability → decided, with its findings
      const special = page.getByTestId("ek-special");
      expect(await special.getByTestId("ek-special-not-on-diploma").textContent()).toContain("§ 35, stk. 3");
      await page.getByTestId("ek-special-exam").selectOption(danW.id);
      await page.getByTestId("ek-special-basis").selectOption("none");
      await page.getByTestId("ek-special-conditions").fill("Forlænget tid: 30 minutter");
      await page.getByTestId("ek-special-decided-on").fill("2024-05-01");
      await page.getByTestId("ek-special-submit").click();
      await page.getByTestId("ek-special-refused").waitFor();
      const basisFindings = special.getByTestId("findings-basis").getByTestId("finding");
      expect(await basisFindings.getAttribute("data-rule")).toBe("eksamen.special.no-basis");
      expect(await basisFindings.getByTestId("finding-cite").textContent()).toContain("§ 19");
      await page.getByTestId("ek-special-basis").selectOption("physical");
      await page.getByTestId("ek-special-submit").click();
      const sRow = special.getByTestId("ek-special-row");
      await sRow.waitFor();
      expect(await sRow.getAttribute("data-exam")).toBe(danW.id);
      const sRules = await sRow.getByTestId("finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-rule")));
      expect(sRules).toEqual(expect.arrayContaining(["eksamen.special.granted", "eksamen.special.not-on-diploma"]));

      // § 20: non-permitted aids during the oral physics exam → must expel (stk. 1); the grade lapses (stk. 4)
      const fysGrade = page.locator('[data-testid="ek-examinee-grade"][data-subject="FYS"]');
      expect(await fysGrade.getAttribute("data-status")).toBe("valid");
      await page.getByTestId("ek-cheating-exam").selectOption(fys.id);
      await page.getByTestId("ek-cheating-kind").selectOption("unauthorised-aids");
      await page.getByTestId("ek-cheating-when").selectOption("during");
      await page.getByTestId("ek-cheating-on").fill(fys.date);
      await page.getByTestId("ek-cheating-expelled").check();
      await page.getByTestId("ek-cheating-submit").click();
      const cRow = page.getByTestId("ek-cheating-row");
      await cRow.waitFor();
      expect(await cRow.getAttribute("data-decision")).toBe("must");
      expect(await cRow.getAttribute("data-expelled")).toBe("true");
      await expect.poll(() => fysGrade.getAttribute("data-status")).toBe("void");
      expect(await cRow.getByTestId("ek-cheating-voided-grade").getAttribute("data-grade")).toBe("7");
      const cFindings = await cRow.getByTestId("finding").evaluateAll((els) => els.map((e) => ({ rule: e.getAttribute("data-rule"), cite: e.querySelector('[data-testid="finding-cite"]')?.textContent ?? "" })));
      expect(cFindings).toContainEqual({ rule: "eksamen.cheating.caught", cite: "seed 002 · § 20, stk. 1" });
      expect(cFindings).toContainEqual({ rule: "eksamen.cheating.grades-void", cite: "seed 002 · § 20, stk. 4" });
      // no later term holds Fysik B: the retake within 1 year of the expulsion (13 June 2024 → 13 June 2025)
      const retake = cRow.locator('[data-testid="finding"][data-rule="eksamen.expulsion.no-term-within-year"]');
      expect(await retake.getByTestId("finding-cite").textContent()).toBe("seed 002 · § 20, stk. 4");
      expect(await retake.textContent()).toContain("2025-06-13");
      // the diploma preview no longer has the lapsed grade
      await expect.poll(() => page.locator('[data-testid="ek-diploma-line"][data-subject="FYS"]').count()).toBe(0);

      // § 37: no leaving date → no leaver form; the examinee leaves → a prøvebevis is issued
      expect(await page.getByTestId("ek-leaver").getAttribute("data-left")).toBe("false");
      await edit(page, () => page.getByTestId("ek-edit-left-on").fill("2024-06-20"), "Udmeldt efter 2.g");
      await expect.poll(() => page.getByTestId("ek-leaver").getAttribute("data-left")).toBe("true");
      await page.getByTestId("ek-leaver-kind").selectOption("proevebevis");
      await page.getByTestId("ek-leaver-copy").selectOption("original");
      await page.getByTestId("ek-leaver-on").fill("2024-06-24");
      await page.getByTestId("ek-leaver-subject-DANA").check();
      await page.getByTestId("ek-leaver-submit").click();
      await expect.poll(async () => (await page.getByTestId("ek-leaver-issued").count()) + (await page.getByTestId("ek-leaver-refused").count())).toBeGreaterThan(0);
      if ((await page.getByTestId("ek-leaver-refused").count()) > 0) throw new Error(`refused: ${await page.getByTestId("ek-leaver-refused").textContent()}`);
      const docRow = page.locator('[data-testid="ek-document-row"][data-kind="proevebevis"]');
      await docRow.waitFor();
      expect(await docRow.getAttribute("data-copy")).toBe("original");
      // § 38: the ledger row shows how long the data is kept, the date the server computed (documents API `retainUntil`)
      const ledger = await ok<{ id: string; kind: string; retainUntil?: string }[]>(page, "GET", `/api/eksamen/examinees/${x.id}/documents`);
      const docId = await docRow.getAttribute("data-id");
      const issued = ledger.find((d) => d.id === docId);
      expect(issued?.kind).toBe("proevebevis");
      const retainUntil = issued!.retainUntil!;
      expect(retainUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const retain = docRow.getByTestId("ek-document-retain");
      expect(await retain.getAttribute("data-until")).toBe(retainUntil);
      // the page's own Danish date format for that day (web/src/i18n.tsx formatDate), computed in the page
      const shown = await page.evaluate((iso) => new Date(`${iso}T12:00:00Z`).toLocaleDateString("da-DK", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }), retainUntil);
      expect(await retain.textContent()).toBe(`Opbevares til ${shown} (§ 38)`);

      // a deltagerbevis with DAN A ticked: DAN A was examined, so nothing to certify (§ 37, stk. 1)
      await page.getByTestId("ek-leaver-kind").selectOption("deltagerbevis");
      await page.getByTestId("ek-leaver-submit").click();
      const refused = page.getByTestId("ek-leaver-refused");
      await refused.waitFor();
      // the finding concerns the kind asked for, so it stands beside that field
      const nothing = page.getByTestId("ek-leaver").getByTestId("findings-kind").locator('[data-testid="finding"][data-rule="eksamen.leaver.nothing-to-certify"]');
      expect(await nothing.getByTestId("finding-cite").textContent()).toBe("seed 002 · § 37, stk. 1");
      expect(await page.locator('[data-testid="ek-document-row"]').count()).toBe(1); // nothing issued

      const href = await docRow.getByTestId("ek-document-pdf").getAttribute("href");
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toContain("application/pdf");
      const text = pdfText(Buffer.from(await res.body()));
      expect(text).toContain("Lasse Afgang");
      expect(text).toMatch(/Prøvebevis/i);
      expect(text).toContain("Dansk");
      expect(text).not.toContain("Fysik"); // the lapsed grade (§ 20, stk. 4)
      expect(text).not.toContain("Forlænget tid"); // never special conditions (§ 35, stk. 3)

      // a lærer (read role here) sees the decisions but no forms
      const l = await newPage(e2e.browser, e2e.server.url);
      try {
        await login(l.page, laerer.email, laerer.password);
        await l.page.goto(`/eksamen/examinees/${x.id}`);
        await l.page.getByTestId("ek-cheating-row").waitFor();
        expect(await l.page.getByTestId("ek-special-row").count()).toBe(1);
        for (const form of ["ek-edit", "ek-merit-form", "ek-special-form", "ek-cheating-form", "ek-leaver-form"]) expect(await l.page.getByTestId(form).count(), form).toBe(0);
      } finally {
        await l.context.close();
      }
    } finally {
      await context.close();
    }
  });
});
