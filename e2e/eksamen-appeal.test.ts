/**
 * Seed 002, § 55 (complaints about the institution's other decisions) in a real Chromium against the real server
 * (`bevis serve --demo`, PGlite, the built web app). The leder of the demo gymnasium records a § 20 expulsion of Ida
 * Iversen from her oral Fysik B exam (13 June 2024; through the API — the decision itself is the examinee page's),
 * then on /eksamen/appeals files her complaint: one day late (28 June) it is refused with § 55, stk. 2 and nothing is
 * saved; on the last day (27 June) it is admitted. On the case page the institution's statement is sent on 28 June;
 * the clock shows the 1-week comment deadline (5 July 2024, § 55, stk. 3); forwarding on the last day of the week is
 * refused with § 55, stk. 3; after the week it is forwarded, and the statement letter is offered while the week runs.
 * Then the link "Klag over afgørelsen (§ 55)" is followed from a complaint the leder rejected (§ 49, stk. 1) and from an
 * expelled cheating case on the examinee page into the prefilled form; the rejection's complaint is admitted.
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { DEMO_USERS } from "../src/platform/bootstrap.ts";
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

/** A JSON call from the page (the logged-in session's cookie). */
async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  const r = await page.evaluate(
    async ([method, path, body]) => {
      const res = await fetch(path as string, { method: method as string, headers: { "Content-Type": "application/json", Accept: "application/json" }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, text: await res.text() };
    },
    [method, path, body] as const,
  );
  if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status}: ${r.text}`);
  return JSON.parse(r.text) as T;
}

/** Records the next step through the case page's form; returns the refusal's text, or null when recorded. */
async function step(page: Page, event: string, actor: string, on: string, fill?: () => Promise<void>): Promise<string | null> {
  const form = page.getByTestId("ek-appeal-step-form");
  await page.getByTestId("ek-appeal-step-event").selectOption(event);
  await expect.poll(() => form.getAttribute("data-event")).toBe(event);
  await page.getByTestId("ek-appeal-step-actor").selectOption(actor);
  await page.getByTestId("ek-appeal-step-on").fill(on);
  if (fill) await fill();
  const before = await page.getByTestId("ek-appeal-event").count();
  await page.getByTestId("ek-appeal-step-submit").click();
  await expect.poll(async () => (await page.getByTestId("ek-appeal-step-refused").count()) > 0 || (await page.getByTestId("ek-appeal-event").count()) > before).toBe(true);
  return (await page.getByTestId("ek-appeal-step-refused").count()) > 0 ? await page.getByTestId("ek-appeal-step-refused").textContent() : null;
}

describe("eksamen § 55 appeals in the browser", () => {
  test("a § 20 expulsion: filed on the last day, the statement's 1-week comment deadline, forwarding refused until the week has passed (§ 55, stk. 2–3)", async () => {
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, leder.email, leder.password);
      // the decision complained about: Ida expelled from Fysik B, oral, 13 June 2024 (§ 20, stk. 1)
      const [ida] = await call<{ id: string; name: string }[]>(page, "GET", "/api/eksamen/examinees?q=Ida");
      const exams = await call<{ id: string; subject: { code: string }; part: string }[]>(page, "GET", "/api/eksamen/exams");
      const fys = exams.find((x) => x.subject.code === "FYS" && x.part === "oral")!;
      const cc = await call<{ id: string }>(page, "POST", "/api/eksamen/cheating-cases", { examineeId: ida!.id, examId: fys.id, misconduct: { kind: "unauthorised-aids", when: "during" }, on: "2024-06-13", expelled: true });

      // the link "Klag over afgørelsen (§ 55)" (appeals.tsx `appealLink`) opens the form prefilled with the decision
      await page.goto(`/eksamen/appeals?examineeId=${ida!.id}&decision=expulsion&ref=${cc.id}&notifiedOn=2024-06-13`);
      const form = page.getByTestId("ek-new-appeal");
      await form.waitFor();
      await expect.poll(() => page.getByTestId("ek-appeal-examinee").inputValue()).toBe(ida!.id);
      expect(await page.getByTestId("ek-appeal-kind").inputValue()).toBe("expulsion");
      // the expulsion is the recorded decision once the examinee's rows are in
      await expect.poll(() => page.getByTestId("ek-appeal-reference").inputValue()).toBe(cc.id);
      expect(await page.getByTestId("ek-appeal-notified").inputValue()).toBe("2024-06-13");
      await page.getByTestId("ek-appeal-description").fill("Bortvist fra Fysik B, mundtlig prøve (lommeregner med noter)");

      // one day late: 13 June + 2 weeks = 27 June — refused, § 55, stk. 2, nothing saved
      await page.getByTestId("ek-appeal-filed").fill("2024-06-28");
      await page.getByTestId("ek-appeal-open").click();
      const refused = page.locator('[data-testid="finding"][data-rule="eksamen.other-appeal.late"]');
      await refused.first().waitFor();
      expect(await refused.first().getByTestId("finding-cite").textContent()).toContain("§ 55, stk. 2");
      expect(await page.getByTestId("ek-appeal-row").count()).toBe(0);

      // the last day: admitted, and the case page opens
      await page.getByTestId("ek-appeal-filed").fill("2024-06-27");
      await page.getByTestId("ek-appeal-open").click();
      await page.getByTestId("ek-appeal-title").filter({ hasText: ida!.name }).waitFor();
      expect(await page.getByTestId("ek-appeal-state").getAttribute("data-state")).toBe("filed");
      expect(await page.getByTestId("ek-appeal-decision").getAttribute("data-kind")).toBe("expulsion");
      expect(await page.getByTestId("ek-appeal-suspensive-state").getAttribute("data-suspensive")).toBe("false");

      // the institution's statement, sent Friday 28 June: comments by Friday 5 July (§ 55, stk. 3)
      expect(
        await step(page, "send-statement", "institution", "2024-06-28", async () => {
          await page.getByTestId("ek-appeal-step-statement").fill("Lommeregneren indeholdt noter; bortvisningen fulgte § 20, stk. 1.");
        }),
      ).toBeNull();
      await expect.poll(() => page.getByTestId("ek-appeal-state").getAttribute("data-state")).toBe("statement-sent");
      await page.getByTestId("ek-appeal-on").fill("2024-07-01");
      const comments = page.locator('[data-testid="ek-appeal-deadline"][data-id="appeal-comments"]');
      await expect.poll(() => comments.getAttribute("data-days-left")).toBe("4");
      expect(await comments.getAttribute("data-due")).toBe("2024-07-05");
      expect(await comments.getAttribute("data-status")).toBe("open");
      expect(await comments.textContent()).toContain("§ 55, stk. 3");
      expect(await page.getByTestId("ek-appeal-earliest-forward").getAttribute("data-date")).toBe("2024-07-06");
      expect(await page.locator('[data-testid="ek-appeal-letter"][data-kind="statement"]').count()).toBe(1);

      // forwarding on the last day of the comment week: refused with § 55, stk. 3, nothing saved
      const no = await step(page, "forward", "institution", "2024-07-05");
      expect(no).toContain("§ 55, stk. 3");
      expect(await page.getByTestId("ek-appeal-event").count()).toBe(2);
      expect(await page.getByTestId("ek-appeal-state").getAttribute("data-state")).toBe("statement-sent");

      // after the week: forwarded to the ministry with the statement
      expect(await step(page, "forward", "institution", "2024-07-08")).toBeNull();
      await expect.poll(() => page.getByTestId("ek-appeal-state").getAttribute("data-state")).toBe("forwarded");
      expect(await page.locator('[data-testid="ek-appeal-event"][data-type="forward"]').count()).toBe(1);

      // the list shows the case, forwarded, with no open deadline
      await page.goto("/eksamen/appeals");
      const row = page.getByTestId("ek-appeal-row").filter({ hasText: ida!.name });
      await row.first().waitFor();
      expect(await row.first().getAttribute("data-state")).toBe("forwarded");
    } finally {
      await context.close();
    }
  }, 60_000);

  test("the link 'Klag over afgørelsen (§ 55)' from a rejected complaint (§ 49, stk. 1) and from an expulsion (§ 20) opens the form prefilled; the rejection's complaint is admitted", async () => {
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    const plus = (d: string, days: number) => new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    try {
      await login(page, leder.email, leder.password);
      const [noah] = await call<{ id: string; name: string }[]>(page, "GET", "/api/eksamen/examinees?q=Noah");
      const detail = await call<{ grades: { id: string; subject: { code: string }; part: string; date: string; announcedOn: string | null; examId: string | null }[] }>(page, "GET", `/api/eksamen/examinees/${noah!.id}`);
      const danW = detail.grades.find((g) => g.subject.code === "DAN" && g.part === "written")!;
      // a complaint about Noah's Dansk A written grade, filed 3 days after the announcement and rejected by the leder
      // 2 days later as manifestly unfounded (§ 49, stk. 1): the rejection is notified that day
      const announced = danW.announcedOn ?? danW.date;
      const filed = plus(announced, 3);
      const rejectedOn = plus(filed, 2);
      const c = await call<{ id: string }>(page, "POST", "/api/eksamen/complaints", { gradeId: danW.id });
      await call(page, "POST", `/api/eksamen/complaints/${c.id}/events`, { seq: 0, actor: "examinee", event: { type: "file", on: filed, written: true, reasoned: true, individual: true, grounds: ["assessment"] } });
      await call(page, "POST", `/api/eksamen/complaints/${c.id}/events`, { seq: 1, actor: "leader", event: { type: "reject", on: rejectedOn, reasoned: true } });

      // the complaint page of the rejected case has the link; it opens the § 55 form prefilled with the rejection
      await page.goto(`/eksamen/complaints/${c.id}`);
      await expect.poll(() => page.getByTestId("ek-complaint-state").getAttribute("data-state")).toBe("rejected");
      const link = page.getByTestId("ek-appeal55-link");
      expect(await link.textContent()).toMatch(/Klag over afgørelsen \(§ 55\)|Appeal this decision \(§ 55\)/);
      expect(await link.getAttribute("data-decision")).toBe("complaint-rejection");
      await link.click();
      await page.getByTestId("ek-new-appeal").waitFor();
      expect(new URL(page.url()).pathname).toBe("/eksamen/appeals");
      await expect.poll(() => page.getByTestId("ek-appeal-examinee").inputValue()).toBe(noah!.id);
      expect(await page.getByTestId("ek-appeal-kind").inputValue()).toBe("complaint-rejection");
      await expect.poll(() => page.getByTestId("ek-appeal-reference").inputValue()).toBe(c.id);
      expect(await page.getByTestId("ek-appeal-notified").inputValue()).toBe(rejectedOn);
      // filed 3 days after the notification (inside the 2 weeks of § 55, stk. 2): admitted, the case page opens
      await page.getByTestId("ek-appeal-filed").fill(plus(rejectedOn, 3));
      await page.getByTestId("ek-appeal-open").click();
      await page.getByTestId("ek-appeal-title").filter({ hasText: noah!.name }).waitFor();
      expect(await page.getByTestId("ek-appeal-state").getAttribute("data-state")).toBe("filed");
      expect(await page.getByTestId("ek-appeal-decision").getAttribute("data-kind")).toBe("complaint-rejection");

      // an expulsion on the examinee page: only the expelled case carries the link, prefilled with its day
      const exams = await call<{ id: string; subject: { code: string }; part: string }[]>(page, "GET", "/api/eksamen/exams");
      const eng = exams.find((x) => x.subject.code === "ENG" && x.part === "oral")!;
      const cc = await call<{ id: string }>(page, "POST", "/api/eksamen/cheating-cases", { examineeId: noah!.id, examId: eng.id, misconduct: { kind: "unauthorised-aids", when: "during" }, on: "2024-06-12", expelled: true });
      await page.goto(`/eksamen/examinees/${noah!.id}`);
      const row = page.locator('[data-testid="ek-cheating-row"][data-expelled="true"]');
      await row.first().waitFor();
      const fromRow = row.first().getByTestId("ek-appeal55-link");
      expect(await fromRow.getAttribute("data-ref")).toBe(cc.id);
      await fromRow.click();
      await page.getByTestId("ek-new-appeal").waitFor();
      await expect.poll(() => page.getByTestId("ek-appeal-examinee").inputValue()).toBe(noah!.id);
      expect(await page.getByTestId("ek-appeal-kind").inputValue()).toBe("expulsion");
      await expect.poll(() => page.getByTestId("ek-appeal-reference").inputValue()).toBe(cc.id);
      expect(await page.getByTestId("ek-appeal-notified").inputValue()).toBe("2024-06-12");

      // a lærer (read role) sees the decisions but no link: filing is a write
      const l = await newPage(e2e.browser, e2e.server.url);
      try {
        await login(l.page, laerer.email, laerer.password);
        await l.page.goto(`/eksamen/examinees/${noah!.id}`);
        await l.page.locator('[data-testid="ek-cheating-row"][data-expelled="true"]').first().waitFor();
        expect(await l.page.getByTestId("ek-appeal55-link").count()).toBe(0);
      } finally {
        await l.context.close();
      }
    } finally {
      await context.close();
    }
  }, 60_000);
});
