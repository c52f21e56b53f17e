/**
 * AUB (seed 004) forms that were API-only, in a real Chromium against `bevis serve --demo`:
 * 1. a unit is added to a demo employer (§ 3, stk. 3); its ATP report with a negative total is refused with the finding
 *    beside the total field and nothing is saved; a good report shows the contribution; a correction (§ 3, stk. 2) shows
 *    the difference to what was charged;
 * 2. an administrator corrects a wrongly added 2025 rate (choice 20): without a reason the finding sits beside the
 *    reason field; with one, the superseded row stays listed and the charged quarter's recalculation is shown as a new
 *    charge with the difference.
 */
import { describe, expect, test } from "vitest";
import { DEMO, validCvr } from "../src/rulebooks/dk-aub/demo.ts";
import { demoUser, login, newPage, serverAndBrowser } from "./harness.ts";

const RATE = 78_725; // 3.149 kr. / 4 (2024)

const e2e = serverAndBrowser();

describe("AUB forms (seed 004) in the browser", () => {
  test("ATP report: a bad total → the finding beside the field, nothing saved; a good one → the contribution; a correction → the difference", async () => {
    const user = demoUser("sagsbehandler@aub.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, user.email, user.password);
      await page.goto("/aub/employers");
      await page.getByRole("link", { name: DEMO.kontor.name }).click();
      // add a unit to the existing employer
      const se = validCvr(4220301);
      await page.getByTestId("aub-unit-se").fill(se);
      await page.getByTestId("aub-unit-name").fill("Filial Aarhus");
      await page.getByTestId("aub-unit-add").click();
      await page.getByTestId("aub-unit-added").waitFor();
      await page.locator('[data-testid="aub-unit-atp-link"]').nth(1).click();
      await expect.poll(() => page.getByTestId("aub-atp-se").inputValue()).toBe(se);

      await page.getByTestId("aub-atp-quarter").fill("2024Q3");
      await expect.poll(() => page.getByTestId("aub-atp-status").getAttribute("data-current-version")).toBe("0");
      await page.getByTestId("aub-atp-received").fill("2024-10-15");
      await page.getByTestId("aub-atp-total").fill("-852,00");
      await page.getByTestId("aub-atp-submit").click();
      const bad = page.getByTestId("findings-totalOere").locator('[data-rule="aub.atp.total-invalid"]');
      await bad.waitFor();
      await expect.poll(() => bad.getByTestId("finding-cite").textContent()).toContain("§ 3, stk. 2");
      expect(await page.getByTestId("aub-atp-result").count()).toBe(0);
      // nothing saved: the unit's quarter has no version
      const none = await page.request.get(`/api/aub/atp-reports?se=${se}&quarter=2024Q3`);
      expect(((await none.json()) as { versions: unknown[] }).versions).toEqual([]);

      // 20 full quarters' ATP (20 × 852,00 kr.) and a remainder of 100,00 kr.
      await page.getByTestId("aub-atp-total").fill("17.140,00");
      await page.getByTestId("aub-atp-submit").click();
      const result = page.getByTestId("aub-atp-result");
      await result.waitFor();
      expect(Number(await result.getAttribute("data-contribution"))).toBe(20 * RATE);
      await expect.poll(() => page.getByTestId("aub-atp-contribution").textContent()).toBe("15.745,00 kr.");

      // a correction: the form now names version 1 and asks for the reason; the difference is shown
      await expect.poll(() => page.getByTestId("aub-atp-status").getAttribute("data-current-version")).toBe("1");
      await page.getByTestId("aub-atp-total").fill("18.744,00");
      await page.getByTestId("aub-atp-reason").fill("Lønkørsel rettet");
      await page.getByTestId("aub-atp-submit").click();
      await expect.poll(() => page.getByTestId("aub-atp-result").getAttribute("data-version")).toBe("2");
      expect(Number(await page.getByTestId("aub-atp-result").getAttribute("data-difference"))).toBe(2 * RATE);
      await expect.poll(() => page.getByTestId("aub-atp-difference").textContent()).toBe("1.574,50 kr.");
      await expect.poll(() => page.getByTestId("aub-atp-versions").locator("tbody tr").count()).toBe(2);
    } finally {
      await context.close();
    }
  });

  test("parameter correction: reason required beside the field; the superseded row stays; the charged quarter is recalculated with the difference", async () => {
    const admin = demoUser("admin@aub.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, admin.email, admin.password);
      // 2025: the full-quarter amount and a wrongly typed rate (3.300 kr. instead of 3.200 kr.), then a charged report
      for (const [kind, value] of [["full-quarter-atp", 85_200], ["contribution-rate", 330_000]] as const) {
        const r = await page.request.post("/api/aub/parameters", { data: { kind, validFrom: "2025-01-01", validTo: "2025-12-31", valueOere: value, source: "e2e", sureness: "good", secondary: false } });
        expect(r.status()).toBe(201);
      }
      const filed = await page.request.post("/api/aub/atp-reports", { data: { se: DEMO.kontor.units[0], quarter: "2025Q1", totalOere: 10 * 85_200, receivedOn: "2025-04-15" } });
      expect(((await filed.json()) as { charge: { contributionOere: number } }).charge.contributionOere).toBe(10 * 82_500);

      await page.goto("/aub/parameters");
      const wrong = page.locator('[data-testid="aub-parameter-row"][data-kind="contribution-rate"][data-from="2025-01-01"]');
      await wrong.getByTestId("aub-param-correct").click();
      await expect.poll(() => page.getByTestId("aub-corr-value").inputValue()).toBe("3300,00");
      await page.getByTestId("aub-corr-value").fill("3.200,00");
      await page.getByTestId("aub-corr-save").click();
      await page.getByTestId("findings-reason").locator('[data-rule="aub.parameter.correction-reason-missing"]').waitFor();
      expect(await page.getByTestId("aub-correction-saved").count()).toBe(0);

      await page.getByTestId("aub-corr-reason").fill("Tastefejl: LBK siger 3.200 kr.");
      await page.getByTestId("aub-corr-save").click();
      const rec = page.getByTestId("aub-param-recalculated").locator("li");
      await rec.first().waitFor();
      expect(await rec.count()).toBe(1);
      expect(await rec.getAttribute("data-quarter")).toBe("2025Q1");
      expect(Number(await rec.getAttribute("data-previous"))).toBe(10 * 82_500);
      expect(Number(await rec.getAttribute("data-contribution"))).toBe(10 * 80_000);
      expect(Number(await rec.getAttribute("data-oere"))).toBe(-10 * 2_500);
      // both rows listed: the wrong one marked superseded, the replacement in force
      await expect
        .poll(async () => (await wrong.evaluateAll((rows) => rows.map((r) => [r.getAttribute("data-status"), r.getAttribute("data-oere")]))).sort())
        .toEqual([
          ["in-force", "320000"],
          ["superseded", "330000"],
        ]);
    } finally {
      await context.close();
    }
  });
});
