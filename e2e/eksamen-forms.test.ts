/**
 * Seed 002: the exam pages' forms that were checked only by hand, in a real Chromium against `bevis serve --demo`
 * (PGlite, the built web app), as the demo gymnasium's leder (src/rulebooks/dk-eksamen/demo.ts):
 *
 * - the exam create form on the term plan: a date outside the term is refused with the § 3 finding beside the date
 *   field and no exam is added; a valid exam then appears on the plan;
 * - the § 39 export link on the term page: the CSV fetched from the page has the documented header and rows;
 * - the censor create form (/eksamen/censors): the new censor appears in the list;
 * - the CSV import page (/eksamen/imports): a grades file with one bad grade line is refused as a whole, the line's
 *   finding shown with its citation, "nothing saved", and the examinee's grades unchanged (API); the good file imports;
 *   the same for registrations (a line naming no exam); a lærer sees only the grades form;
 * - revoking a document (the browser's prompt and confirm) puts "revoked" in the ledger, and a new original can then
 *   be issued (§ 36, stk. 2).
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_EKSAMEN } from "../src/rulebooks/dk-eksamen/demo.ts";
import { demoUser, login, newPage, serverAndBrowser } from "./harness.ts";

const e2e = serverAndBrowser();

const API = "/api/eksamen";

async function examineeId(page: Page, name: string): Promise<string> {
  const list = (await (await page.request.get(`${API}/examinees`)).json()) as { id: string; name: string }[];
  const e = list.find((x) => x.name === name);
  if (!e) throw new Error(`no examinee ${name} in the demo`);
  return e.id;
}

async function gradesOf(page: Page, id: string): Promise<string[]> {
  const d = (await (await page.request.get(`${API}/examinees/${id}`)).json()) as { grades: { id: string; version: number }[]; standpunkt: { id: string; version: number }[] };
  return [...d.grades, ...d.standpunkt].map((g) => `${g.id}@${g.version}`).sort();
}

describe("eksamen (seed 002) forms in the browser", () => {
  test("term plan: an exam outside the term is refused beside the date (§ 3), a valid one is added; the § 39 CSV export", async () => {
    const leder = demoUser("leder@fjordby-gym.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, leder.email, leder.password);
      await page.goto("/eksamen");
      await page.getByTestId("ek-term-row").filter({ hasText: DEMO_EKSAMEN.term.name }).getByTestId("ek-term-link").click();
      await page.getByTestId("ek-term-title").waitFor();
      await page.getByTestId("ek-exam-row").first().waitFor();
      const examsBefore = await page.getByTestId("ek-exam-row").count();
      expect(await page.locator('[data-testid="ek-exam-row"][data-subject="HIS"]').count()).toBe(0);

      // the form: Historie A, oral, examined by Ulla Vang
      const form = page.getByTestId("ek-new-exam");
      await form.getByTestId("ek-new-exam-subject").locator('option[value="HIS"]').waitFor({ state: "attached" });
      await form.getByTestId("ek-new-exam-subject").selectOption("HIS");
      await form.getByTestId("ek-new-exam-level").selectOption("A");
      await form.getByTestId("ek-new-exam-part").selectOption("oral");
      const ulla = form.getByTestId("ek-new-exam-examiners").locator("option", { hasText: "Ulla Vang" });
      await ulla.waitFor({ state: "attached" });
      await form.getByTestId("ek-new-exam-examiners").selectOption([(await ulla.getAttribute("value"))!]);

      // outside the term (Sommer 2024 ends 28 June): refused, the § 3 finding beside the date, nothing added
      await form.getByTestId("ek-new-exam-date").fill("2024-07-15");
      await form.getByTestId("ek-new-exam-create").click();
      const dateFinding = form.getByTestId("findings-date").getByTestId("finding");
      await dateFinding.first().waitFor();
      expect(await dateFinding.first().getAttribute("data-rule")).toMatch(/exam\.outside-term$/);
      expect(await dateFinding.first().getByTestId("finding-cite").textContent()).toContain("§ 3");
      expect(await dateFinding.first().textContent()).toContain("2024-07-15");
      await page.reload();
      await page.getByTestId("ek-exam-row").first().waitFor();
      expect(await page.getByTestId("ek-exam-row").count()).toBe(examsBefore);

      // a date inside the term: the exam is on the plan (the form was reset by the reload)
      await form.getByTestId("ek-new-exam-subject").locator('option[value="HIS"]').waitFor({ state: "attached" });
      await form.getByTestId("ek-new-exam-subject").selectOption("HIS");
      await form.getByTestId("ek-new-exam-level").selectOption("A");
      await form.getByTestId("ek-new-exam-part").selectOption("oral");
      await form.getByTestId("ek-new-exam-examiners").locator("option", { hasText: "Ulla Vang" }).waitFor({ state: "attached" });
      await form.getByTestId("ek-new-exam-examiners").selectOption([(await ulla.getAttribute("value"))!]);
      await form.getByTestId("ek-new-exam-date").fill("2024-06-17");
      await form.getByTestId("ek-new-exam-create").click();
      const his = page.locator('[data-testid="ek-exam-row"][data-subject="HIS"][data-level="A"][data-part="oral"]');
      await his.waitFor();
      expect(await page.getByTestId("ek-exam-row").count()).toBe(examsBefore + 1);
      expect(await page.locator('[data-testid="ek-plan-day"][data-date="2024-06-17"]').getAttribute("data-exams")).toBe("1");
      expect(await form.getByTestId("findings-date").count()).toBe(0);

      // § 39: the CSV link on the page, fetched in the page's session
      const href = await page.getByTestId("ek-export39").getByTestId("ek-export39-csv").getAttribute("href");
      expect(href).toContain("format=csv");
      const got = await page.evaluate(async (u) => {
        const r = await fetch(u, { credentials: "same-origin" });
        return { status: r.status, type: r.headers.get("content-type") ?? "", text: await r.text() };
      }, href!);
      expect(got.status).toBe(200);
      expect(got.type).toMatch(/csv/);
      const lines = got.text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
      expect(lines[0]).toBe("institutionsnummer;cpr;uddannelse;fag;niveau;del;kilde;karakter;indgaar");
      expect(lines.length).toBeGreaterThan(1);
      expect(lines[1]!.split(";")[0]).toBe(DEMO_EKSAMEN.institutionCode);
      expect(lines.slice(1).every((l) => l.split(";").length === 9)).toBe(true);
    } finally {
      await context.close();
    }
  });

  test("a new censor is listed; a grades CSV with one bad line saves nothing and names the line with its citation; the good file imports", async () => {
    const leder = demoUser("leder@fjordby-gym.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, leder.email, leder.password);

      // censor create form
      await page.goto("/eksamen/censors");
      await page.getByTestId("ek-censor-row").first().waitFor();
      const censorsBefore = await page.getByTestId("ek-censor-row").count();
      await page.getByTestId("ek-censor-name").fill("Birgitte Bedømmer");
      await page.getByTestId("ek-censor-employed").fill("280003");
      await page.getByTestId("ek-censor-subjects").fill("HIS A, DAN");
      await page.getByTestId("ek-censor-capacity").fill("5");
      await page.getByTestId("ek-censor-create").click();
      const row = page.locator('[data-testid="ek-censor-row"][data-name="Birgitte Bedømmer"]');
      await row.waitFor();
      expect(await row.textContent()).toContain("HIS A");
      expect(await row.textContent()).toContain("280003");
      expect(await page.getByTestId("ek-censor-row").count()).toBe(censorsBefore + 1);

      // the import page: the grade form shows its columns and offers the header row as a file
      const noah = await examineeId(page, DEMO_EKSAMEN.examinees.noah.name);
      const gradesBefore = await gradesOf(page, noah);
      await page.goto("/eksamen/imports");
      const form = page.getByTestId("ek-import-grade");
      await form.waitFor();
      const header = "cpr;kind;subjectCode;level;part;grade;date;announcedOn";
      expect(await form.getByTestId("ek-import-grade-columns").textContent()).toBe(header);
      expect(await form.getByTestId("ek-import-grade-layout").locator("tbody tr").count()).toBe(8);
      const example = await form.getByTestId("ek-import-grade-example").getAttribute("href");
      expect(decodeURIComponent(example!.replace(/^data:text\/csv;charset=utf-8,/, "")).trim()).toBe(header);

      // line 3 has a grade that is not on the 7-trinsskala: nothing at all is saved
      const cpr = DEMO_EKSAMEN.examinees.noah.cpr;
      const good = `${cpr};exam;HIS;A;oral;10;2024-06-17;2024-06-17`;
      await form.getByTestId("ek-import-grade-text").fill([header, good, `${cpr};standpunkt;HIS;A;oral;11;2024-06-20;`].join("\n"));
      await form.getByTestId("ek-import-grade-submit").click();
      const refused = form.getByTestId("ek-import-grade-refused");
      await refused.waitFor();
      expect(await refused.textContent()).toMatch(/Intet er gemt/);
      const findings = refused.getByTestId("import-finding");
      expect(await findings.count()).toBe(1);
      expect(await findings.first().getAttribute("data-subject")).toBe("line 3: grade");
      expect(await findings.first().getAttribute("data-rule")).toMatch(/grade/);
      expect(((await findings.first().getByTestId("finding-cite").textContent()) ?? "").trim()).not.toBe("");
      expect(await findings.first().textContent()).toContain("11");
      expect(await form.getByTestId("ek-import-grade-imported").count()).toBe(0);
      expect(await gradesOf(page, noah)).toEqual(gradesBefore);

      // the corrected file, chosen with the file input this time: both lines imported
      await form.getByTestId("ek-import-grade-file").setInputFiles({
        name: "karakterer.csv",
        mimeType: "text/csv",
        buffer: Buffer.from([header, good, `${cpr};standpunkt;HIS;A;oral;12;2024-06-20;`].join("\r\n") + "\r\n"),
      });
      await form.getByTestId("ek-import-grade-submit").click();
      const imported = form.getByTestId("ek-import-grade-imported");
      await imported.waitFor();
      expect(await imported.getAttribute("data-count")).toBe("2");
      expect(await form.getByTestId("ek-import-grade-refused").count()).toBe(0);
      expect((await gradesOf(page, noah)).length).toBe(gradesBefore.length + 2);

      // registrations (§§ 7–8): a line naming no exam refuses the whole file; the self-study examinee's line alone imports
      const reg = page.getByTestId("ek-import-reg");
      const regHeader = "cpr;subjectCode;level;part;date;followedTeaching;formalRequirementsMet;registeredOn";
      expect(await reg.getByTestId("ek-import-reg-columns").textContent()).toBe(regHeader);
      const sofie = await examineeId(page, DEMO_EKSAMEN.examinees.sofie.name);
      const regsOf = async () => ((await (await page.request.get(`${API}/registrations?examineeId=${sofie}`)).json()) as unknown[]).length;
      const regsBefore = await regsOf();
      const sofieLine = `${DEMO_EKSAMEN.examinees.sofie.cpr};DAN;A;oral;2024-06-10;nej;;2024-04-02`;
      await reg.getByTestId("ek-import-reg-text").fill([regHeader, sofieLine, `${DEMO_EKSAMEN.examinees.sofie.cpr};HIS;A;oral;2024-08-01;nej;;2024-04-02`].join("\n"));
      await reg.getByTestId("ek-import-reg-submit").click();
      await reg.getByTestId("ek-import-reg-refused").waitFor();
      const regFindings = reg.getByTestId("import-finding");
      expect(await regFindings.evaluateAll((els) => els.map((e) => e.getAttribute("data-subject")))).toEqual(["line 3: subjectCode"]);
      expect(await regsOf()).toBe(regsBefore);
      await reg.getByTestId("ek-import-reg-text").fill([regHeader, sofieLine].join("\n"));
      await reg.getByTestId("ek-import-reg-submit").click();
      await reg.getByTestId("ek-import-reg-imported").waitFor();
      expect(await reg.getByTestId("ek-import-reg-imported").getAttribute("data-count")).toBe("1");
      expect(await regsOf()).toBe(regsBefore + 1);
    } finally {
      await context.close();
    }
    // a lærer may enter grades but not registrations: only the grades form
    const laerer = demoUser("laerer@fjordby-gym.example");
    const other = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(other.page, laerer.email, laerer.password);
      await other.page.goto("/eksamen/imports");
      await other.page.getByTestId("ek-import-grade").waitFor();
      expect(await other.page.getByTestId("ek-import-reg").count()).toBe(0);
    } finally {
      await other.context.close();
    }
  });

  test("leder: revoking the original (prompt + confirm) shows it revoked in the ledger; a new original may then be issued (§ 36, stk. 2)", async () => {
    const leder = demoUser("leder@fjordby-gym.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, leder.email, leder.password);
      await page.goto("/eksamen/examinees");
      await page.getByTestId("ek-examinee-row").filter({ hasText: "Mads Madsen" }).getByTestId("ek-examinee-link").click();
      await page.getByTestId("ek-examinee-name").filter({ hasText: "Mads Madsen" }).waitFor();

      await page.getByTestId("ek-issue-copy").selectOption("original");
      await page.getByTestId("ek-issue-on").fill("2024-06-28");
      await page.getByTestId("ek-issue-submit").click();
      await expect.poll(async () => (await page.getByTestId("ek-issued").count()) + (await page.getByTestId("ek-issue-refused").count())).toBeGreaterThan(0);
      expect(await page.getByTestId("ek-issue-refused").count()).toBe(0);
      const originals = page.locator('[data-testid="ek-document-row"][data-copy="original"]');
      await originals.first().waitFor();
      expect(await originals.count()).toBe(1);
      const firstId = await originals.first().getAttribute("data-id");

      // revoke: the reason in the prompt, "destroyed" confirmed
      const dialogs: string[] = [];
      page.on("dialog", (d) => {
        dialogs.push(d.type());
        void (d.type() === "prompt" ? d.accept("Fejl i navnet; beviset er tilbageleveret og destrueret") : d.accept());
      });
      await originals.first().getByTestId("ek-document-revoke").click();
      const revokedRow = page.locator(`[data-testid="ek-document-row"][data-id="${firstId}"]`);
      await expect.poll(() => revokedRow.getAttribute("data-revoked")).not.toBe("");
      expect(dialogs).toEqual(["prompt", "confirm"]);
      expect(await revokedRow.getByTestId("ek-document-revoke").count()).toBe(0);
      expect(await revokedRow.textContent()).toMatch(/Tilbagekaldt/);

      // § 36, stk. 2: recalled and destroyed → a new original
      await page.getByTestId("ek-issue-copy").selectOption("original");
      // the revocation is dated today (the page's clock), so the new original is too
      await page.getByTestId("ek-issue-on").fill(new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Copenhagen" }));
      await page.getByTestId("ek-issue-submit").click();
      await expect.poll(() => originals.count()).toBe(2);
      expect(await page.getByTestId("ek-issue-refused").count()).toBe(0);
      const fresh = page.locator(`[data-testid="ek-document-row"][data-copy="original"][data-revoked=""]`);
      expect(await fresh.count()).toBe(1);
      expect(await fresh.getAttribute("data-id")).not.toBe(firstId);
      const res = await page.request.get((await fresh.getByTestId("ek-document-pdf").getAttribute("href"))!);
      expect(res.status()).toBe(200);
    } finally {
      await context.close();
    }
  });
});
