/**
 * Seed 002 (eksamensbekendtgørelsen) in a real Chromium against the real server (`bevis serve --demo`, PGlite, the
 * built web app) — the issue's proof: "a complaint about an oral exam offers retest but not re-assessment, citing
 * § 50; the diploma shows the highest grade and the exam result".
 *
 * The leder of the demo gymnasium (src/rulebooks/dk-eksamen/API.md, "Demo institution") opens Emma Eksempel's
 * complaint about her oral Engelsk B exam: re-assessment is not offered, retest and "not upheld" are, with § 50,
 * stk. 1 cited; a re-assessment sent straight to the API is refused (422, § 50, stk. 1). The case is taken through
 * the assessors' statements and the complainant's comments (the demo's history, § 49) to the decision, whose form
 * offers only the two outcomes; the decision "retest" starts the 2-week acceptance deadline (§ 52) on the clock. Mads Madsen's diploma shows
 * Matematik A 10 and not the earlier Matematik B grade (§ 35, stk. 1), with the exam result whose steps are checked
 * here in exact arithmetic (§§ 40–42); the original is issued and its PDF read back with pdftotext. A registration
 * without the teaching is refused by the live check (§ 7, stk. 1); grade entry refuses a grade not on the
 * 7-trinsskala with a finding beside the field; the censor assignment never gives an exam to the censor employed at
 * the institution (§ 27); a new examinee with a malformed CPR number is refused with the finding beside the field.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { pdfText } from "../src/platform/render/testing.ts";
import { add, dec, div, eq, mul, rational, type Rational } from "../src/kernel/rational.ts";
import { demoUser, login, newPage, serverAndBrowser } from "./harness.ts";

const e2e = serverAndBrowser();

/** Records the next step of the complaint through the "next step" form and waits for the new state. */
async function step(page: Page, event: string, actor: string, on: string, fill?: () => Promise<void>): Promise<void> {
  const form = page.getByTestId("ek-step-form");
  await page.getByTestId("ek-step-event").selectOption(event);
  await expect.poll(() => form.getAttribute("data-event")).toBe(event);
  await page.getByTestId("ek-step-actor").selectOption(actor);
  await page.getByTestId("ek-step-on").fill(on);
  if (fill) await fill();
  const before = await page.getByTestId("ek-complaint-event").count();
  await page.getByTestId("ek-step-submit").click();
  await expect.poll(async () => (await page.getByTestId("ek-step-refused").count()) > 0 || (await page.getByTestId("ek-complaint-event").count()) > before).toBe(true);
  if ((await page.getByTestId("ek-step-refused").count()) > 0) throw new Error(`step ${event} refused: ${await page.getByTestId("ek-step-refused").textContent()}`);
}

/** "7,4" / "1043/100" / "1,03" → exact rational. */
function exact(s: string): Rational {
  const m = /^(-?\d+)\/(\d+)$/.exec(s);
  if (m) return rational(BigInt(m[1]!), BigInt(m[2]!));
  return dec(s);
}

describe("eksamen (seed 002) in the browser", () => {
  test("leder: an oral exam's complaint offers retest, never re-assessment (§ 50, stk. 1), decided with the § 52 clock", async () => {
    const leder = demoUser("leder@fjordby-gym.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, leder.email, leder.password);
      await page.goto("/eksamen/complaints");
      const row = page.getByTestId("ek-complaint-row").filter({ hasText: "Emma Eksempel" });
      await row.first().waitFor();
      expect(await row.first().getAttribute("data-part")).toBe("oral");
      await row.first().getByTestId("ek-complaint-link").click();
      await page.getByTestId("ek-complaint-title").filter({ hasText: "Emma Eksempel" }).waitFor();
      expect(await page.getByTestId("ek-complaint-answer").getAttribute("data-oral")).toBe("true");

      // what can be offered: retest and not upheld — re-assessment is not, and § 50, stk. 1 says why
      const offered = (o: string) => page.locator(`[data-testid="ek-outcome"][data-outcome="${o}"]`).getAttribute("data-offered");
      expect(await offered("reassessment")).toBe("false");
      expect(await offered("retest")).toBe("true");
      expect(await offered("not-upheld")).toBe("true");
      const because = page.getByTestId("ek-outcomes-because").getByTestId("finding");
      await because.first().waitFor();
      expect(await because.first().getByTestId("finding-cite").textContent()).toContain("§ 50, stk. 1");
      expect(await because.first().textContent()).toMatch(/ikke ombedømmelse/);

      // the deadline clock: filing within 2 weeks of the announcement (§ 47, stk. 2) was met
      const file = page.locator('[data-testid="ek-deadline"][data-id="file"]');
      await file.waitFor();
      expect(await file.getAttribute("data-status")).toBe("met");

      // the demo case went through the assessors' statements and the complainant's comments (§ 49)
      const id = new URL(page.url()).pathname.split("/").pop()!;
      const state = () => page.getByTestId("ek-complaint-state").getAttribute("data-state");
      expect(await state()).toBe("comments");
      expect(await page.getByTestId("ek-complaint-event").evaluateAll((els) => els.map((e) => e.getAttribute("data-type")))).toEqual([
        "file",
        "request-statements",
        "statements-received",
        "present-statements",
        "comments-received",
      ]);
      // the assessors' deadline was 2 weeks after the request of 19 June (§ 49, stk. 1), and was met
      const statements = page.locator('[data-testid="ek-deadline"][data-id="statements"]');
      expect(await statements.getAttribute("data-due")).toBe("2024-07-03");
      expect(await statements.getAttribute("data-status")).toBe("met");

      // a re-assessment sent straight to the API is refused with § 50, stk. 1; nothing is saved
      const before = (await (await page.request.get(`/api/eksamen/complaints/${id}`)).json()) as { seq: number; case: { state: string } };
      const bad = await page.request.post(`/api/eksamen/complaints/${id}/events`, {
        data: { seq: before.seq, actor: "leader", event: { type: "decide", on: "2024-07-01", outcome: "reassessment", reasoned: true, justifiedDoubt: true } },
      });
      expect(bad.status()).toBe(422);
      const problem = (await bad.json()) as { findings: { rule: string; severity: string; cite: { ref: string } }[] };
      expect(problem.findings.some((f) => f.cite.ref === "§ 50, stk. 1" && f.severity !== "info")).toBe(true);
      const after = (await (await page.request.get(`/api/eksamen/complaints/${id}`)).json()) as { seq: number; case: { state: string } };
      expect(after.seq).toBe(before.seq);
      expect(after.case.state).toBe("comments");

      // the decision form offers exactly retest and not upheld, citing § 50, stk. 1
      await page.getByTestId("ek-step-event").selectOption("decide");
      const options = page.getByTestId("ek-decision-option");
      await options.first().waitFor();
      expect(await options.evaluateAll((els) => els.map((e) => e.getAttribute("data-outcome")))).toEqual(["retest", "not-upheld"]);
      expect(await page.getByTestId("ek-decision-because").getByTestId("finding-cite").first().textContent()).toContain("§ 50, stk. 1");
      await step(page, "decide", "leader", "2024-07-01", async () => {
        await page.getByTestId("ek-decision-retest").check();
        await page.getByTestId("ek-step-doubt").check();
      });
      await expect.poll(state).toBe("decided");
      expect(await page.getByTestId("ek-complaint-outcome").getAttribute("data-outcome")).toBe("retest");
      // § 52: accept within 2 weeks of the decision (Monday 1 July → Monday 15 July 2024); § 54: appeal within 2 weeks
      const accept = page.locator('[data-testid="ek-deadline"][data-id="accept"]');
      await accept.waitFor();
      expect(await accept.getAttribute("data-due")).toBe("2024-07-15");
      expect(await page.locator('[data-testid="ek-deadline"][data-id="appeal"]').getAttribute("data-due")).toBe("2024-07-15");
      // the clock as of 8 July 2024: 7 days left to accept
      await page.getByTestId("ek-complaint-on").fill("2024-07-08");
      await expect.poll(() => accept.getAttribute("data-days-left")).toBe("7");
      expect(await accept.getAttribute("data-status")).toBe("open");
      // the decision letter is there (PDF)
      await page.locator('[data-testid="ek-complaint-letter"][data-kind="decision"]').waitFor();
      // in English too: the outcome and the reason for it
      await page.getByTestId("lang-en").click();
      await expect.poll(() => page.locator('[data-testid="ek-outcome"][data-outcome="reassessment"]').textContent()).toContain("cannot be offered");
      expect(await page.getByTestId("ek-outcomes-because").textContent()).toContain("not a re-assessment");
      await page.getByTestId("lang-da").click();
    } finally {
      await context.close();
    }
  });

  test("leder: Mads Madsen's diploma shows Matematik A 10 (not the B grade) and the exam result, step by step; the original's PDF", async () => {
    const leder = demoUser("leder@fjordby-gym.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, leder.email, leder.password);
      await page.goto("/eksamen/examinees");
      await page.getByTestId("ek-examinee-row").filter({ hasText: "Mads Madsen" }).getByTestId("ek-examinee-link").click();
      await page.getByTestId("ek-examinee-name").filter({ hasText: "Mads Madsen" }).waitFor();
      const preview = page.getByTestId("ek-diploma-preview");
      await preview.waitFor();
      expect(await preview.getAttribute("data-kind")).toBe("eksamensbevis");

      // § 35, stk. 1: Matematik A 10 is on the diploma; the lower-level B exam taken before it is not
      const lines = page.getByTestId("ek-diploma-line");
      await lines.first().waitFor();
      const mat = page.locator('[data-testid="ek-diploma-line"][data-subject="MAT"]');
      expect(await mat.evaluateAll((els) => els.filter((e) => e.getAttribute("data-source") === "exam").map((e) => `${e.getAttribute("data-level")}:${e.getAttribute("data-grade")}`))).toEqual(["A:10"]);
      expect(await page.locator('[data-testid="ek-diploma-line"][data-subject="MAT"][data-level="B"]').count()).toBe(0);
      // … and the page says why, citing § 35, stk. 1
      const dropped = page.getByTestId("ek-diploma-why-findings").locator('[data-rule$="diploma.lower-level-dropped"]');
      await dropped.first().waitFor();
      expect(await dropped.first().getByTestId("finding-cite").textContent()).toContain("§ 35, stk. 1");

      // the exam result: the shown steps add up, in exact arithmetic, to the preliminary and final results (§§ 40–42)
      const result = page.getByTestId("ek-result");
      await result.waitFor();
      const steps = await page.getByTestId("ek-result-step").evaluateAll((els) => els.map((e) => ({ grade: e.getAttribute("data-grade")!, weight: e.getAttribute("data-weight")!, subject: e.getAttribute("data-subject"), level: e.getAttribute("data-level") })));
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.some((s) => s.subject === "MAT" && s.level === "A" && s.grade === "10")).toBe(true);
      expect(steps.some((s) => s.subject === "MAT" && s.level === "B")).toBe(false);
      let sum = rational(0);
      let weights = rational(0);
      for (const s of steps) {
        const g = rational(BigInt(Number(s.grade)));
        sum = add(sum, mul(g, exact(s.weight)));
        weights = add(weights, exact(s.weight));
      }
      const preliminary = exact((await result.getAttribute("data-preliminary"))!);
      const factor = exact((await result.getAttribute("data-factor"))!);
      const final = exact((await result.getAttribute("data-final"))!);
      expect(eq(div(sum, weights), preliminary)).toBe(true);
      expect(eq(mul(preliminary, factor), final)).toBe(true);
      expect(["1", "103/100", "53/50"]).toContain((await result.getAttribute("data-factor"))!);
      const finalShown = ((await page.getByTestId("ek-result-final").locator(".result-value").textContent()) ?? "").trim();
      expect(finalShown).toMatch(/^-?\d+,\d$/);
      expect(await page.getByTestId("ek-result-lines").textContent()).toContain("§ 42");

      // issue the original (§ 36) and read its PDF back
      await page.getByTestId("ek-issue-copy").selectOption("original");
      await page.getByTestId("ek-issue-on").fill("2024-06-28");
      await page.getByTestId("ek-issue-submit").click();
      await expect.poll(async () => (await page.getByTestId("ek-issued").count()) + (await page.getByTestId("ek-issue-refused").count())).toBeGreaterThan(0);
      expect(await page.getByTestId("ek-issue-refused").count()).toBe(0);
      const docRow = page.locator('[data-testid="ek-document-row"][data-copy="original"]');
      await docRow.first().waitFor();
      // a second original is refused (§ 36, stk. 1)
      await page.getByTestId("ek-issue-submit").click();
      const refused = page.getByTestId("ek-issue-refused");
      await refused.waitFor();
      expect(await refused.textContent()).toContain("§ 36");

      const href = await docRow.first().getByTestId("ek-document-pdf").getAttribute("href");
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toContain("application/pdf");
      const text = pdfText(Buffer.from(await res.body()));
      expect(text).toContain("Mads Madsen");
      expect(text).toMatch(/Eksamensbevis/i);
      expect(text).toMatch(/Matematik/);
      expect(text).toContain(finalShown);
    } finally {
      await context.close();
    }
  });

  test("registration without the teaching is refused live (§ 7); a grade not on the 7-trinsskala is refused beside the field, nothing saved; censors never from the institution (§ 27)", async () => {
    const leder = demoUser("leder@fjordby-gym.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, leder.email, leder.password);
      await page.goto("/eksamen");
      await page.getByTestId("ek-term-row").filter({ hasText: "Sommer 2024" }).getByTestId("ek-term-link").click();
      await page.getByTestId("ek-term-title").waitFor();

      // censor assignment: Hans Hansen is employed at Fjordby and gets no exam
      await page.getByTestId("ek-censor-run").click();
      const load = page.getByTestId("ek-censor-load-row");
      await load.first().waitFor();
      const hans = load.filter({ hasText: "Hans Hansen" });
      if ((await hans.count()) > 0) expect(await hans.getAttribute("data-exams")).toBe("0");
      expect(await page.getByTestId("ek-censor-assigned-row").filter({ hasText: "Hans Hansen" }).count()).toBe(0);
      // every exam left without a censor says why, with its paragraph
      for (const u of await page.getByTestId("ek-censor-unassigned-row").all()) {
        expect(await u.getByTestId("finding-cite").textContent()).toMatch(/§ 2[67]/);
      }

      // an exam with registrations: "2" is not a grade → finding beside the field, nothing saved
      const withRegs = page.getByTestId("ek-exam-row").filter({ hasNot: page.locator("td.num", { hasText: /^0$/ }) });
      await withRegs.first().getByTestId("ek-exam-link").click();
      await page.getByTestId("ek-exam-title").waitFor();
      // registration (§ 7, stk. 1): not having followed the teaching → no access, checked live, nothing saved
      const check = page.getByTestId("ek-register-check");
      // Mads Madsen is not a self-study examinee, so § 7, stk. 1's teaching condition applies to him
      const mads = page.getByTestId("ek-register-examinee").locator("option", { hasText: "Mads Madsen" });
      await mads.waitFor({ state: "attached" });
      await page.getByTestId("ek-register-examinee").selectOption((await mads.getAttribute("value"))!);
      await page.getByTestId("ek-register-followed").uncheck();
      await expect.poll(() => check.getAttribute("data-accepted")).toBe("false");
      await expect.poll(() => check.getAttribute("data-checking")).toBe("no");
      expect(await check.locator('[data-testid="finding"][data-severity="error"]').first().getByTestId("finding-cite").textContent()).toContain("§ 7, stk. 1");
      await page.getByTestId("ek-register-followed").check();
      await expect.poll(() => check.getAttribute("data-accepted")).toBe("true");

      await page.locator('[data-testid="ek-grades"][data-loaded="yes"]').waitFor();
      const row = page.getByTestId("ek-grade-row").first();
      const currentBefore = await row.getAttribute("data-current");
      await row.getByTestId("ek-grade-input").fill("2");
      if ((await row.getByTestId("ek-grade-reason").count()) > 0) await row.getByTestId("ek-grade-reason").fill("Rettelse");
      await row.getByTestId("ek-grade-save").click();
      const f = row.getByTestId("findings-grade").getByTestId("finding");
      await f.first().waitFor();
      expect(await f.first().getAttribute("data-rule")).toMatch(/grade/);
      expect(await f.first().getByTestId("finding-cite").textContent()).toMatch(/§|facts|reference/);
      await page.reload();
      await page.locator('[data-testid="ek-grades"][data-loaded="yes"]').waitFor();
      await expect.poll(() => page.getByTestId("ek-grade-row").first().getAttribute("data-current")).toBe(currentBefore);

      // a new examinee with a CPR number that is not one: the kernel parser's finding beside the CPR field, nothing saved
      await page.goto("/eksamen/examinees");
      await page.getByTestId("ek-examinee-row").first().waitFor();
      const examineesBefore = await page.getByTestId("ek-examinee-row").count();
      await page.getByTestId("ek-examinee-cpr").fill("3213-12");
      await page.getByTestId("ek-examinee-name-input").fill("Ny Eksaminand");
      await page.getByTestId("ek-examinee-start").fill("2023-08-14");
      await page.getByTestId("ek-examinee-create").click();
      const cprFinding = page.getByTestId("findings-cpr").getByTestId("finding");
      await cprFinding.first().waitFor();
      expect(await cprFinding.first().getAttribute("data-rule")).toMatch(/cpr/);
      expect(new URL(page.url()).pathname).toBe("/eksamen/examinees");
      await page.reload();
      await page.getByTestId("ek-examinee-row").first().waitFor();
      expect(await page.getByTestId("ek-examinee-row").count()).toBe(examineesBefore);
    } finally {
      await context.close();
    }
  });
});
