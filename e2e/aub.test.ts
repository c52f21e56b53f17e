/**
 * The AUB case worker's journey (issue 6) in a real Chromium against the real server (`bevis serve --demo`): the
 * sagsbehandler notifies an education agreement without the probation length, sees the § 5 finding beside the
 * probation field, completes it, sees the exemption take effect from the next quarter and that quarter's contribution
 * drop by one quarter's rate on the employer's page; downloads the contribution statement. Then: registering an
 * employer with a wrong CVR check digit shows the finding beside the CVR field and saves nothing; the parameters page
 * lists the dated values with their sources (secondary ones marked), refuses an overlapping period with the finding
 * beside the field and lets only an administrator add a year's value.
 */
import { describe, expect, test } from "vitest";
import { DEMO, validCvr } from "../src/rulebooks/dk-aub/demo.ts";
import { demoUser, login, newPage, serverAndBrowser } from "./harness.ts";

const RATE = 78_725; // 3.149 kr. / 4 (2024)

const e2e = serverAndBrowser();

describe("AUB (seed 004) in the browser", () => {
  test("notify with a missing probation length → § 5 finding → complete → exemption from 2024Q4 and the Q4 contribution drops", async () => {
    const user = demoUser("sagsbehandler@aub.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, user.email, user.password);
      await page.goto("/aub/employers");
      await page.getByRole("link", { name: DEMO.kontor.name }).click();
      const q4 = page.locator('[data-testid="aub-contribution-row"][data-quarter="2024Q4"]');
      await q4.waitFor();
      const before = Number(await q4.getAttribute("data-oere"));
      expect(before).toBe(11 * RATE);
      await expect.poll(() => page.getByTestId("aub-bar").count()).toBe(4);

      await page.goto("/aub/agreements/new");
      await page.getByTestId("aub-input-notifiedOn").fill("2024-09-20");
      await page.getByTestId("aub-input-employerCvr").fill(DEMO.kontor.cvr);
      await page.getByTestId("aub-input-traineeName").fill("Lise Lærling");
      await page.getByTestId("aub-input-traineeCpr").fill(DEMO.trainees.lise);
      await page.getByTestId("aub-input-educationCode").selectOption("EUD-KONTOR");
      await page.getByTestId("aub-input-paidHoursPerWeek").fill("37");
      await page.getByTestId("aub-input-agreementStart").fill("2024-10-01");
      await page.getByTestId("aub-input-agreementEnd").fill("2026-09-30");
      await page.getByTestId("aub-save").click();

      // the finding sits beside the probation field, with § 5
      const probFinding = page.getByTestId("findings-probationMonths").locator('[data-rule="aub.notification.probation-missing"]');
      await probFinding.waitFor();
      await expect.poll(() => probFinding.getByTestId("finding-cite").textContent()).toContain("§ 5");
      await expect.poll(() => page.getByTestId("aub-exemption").getAttribute("data-from-quarter")).toBe("");

      // complete it
      await page.getByTestId("aub-input-probationMonths").fill("3");
      await page.getByTestId("aub-input-reason").fill("Prøvetidens længde modtaget");
      await page.getByTestId("aub-save").click();
      await page.getByTestId("aub-saved").waitFor();
      await expect.poll(() => page.getByTestId("aub-exemption").getAttribute("data-from-quarter")).toBe("2024Q4");
      // the § 5 error is gone (a § 6, stk. 2 warning may remain: the exemption falls away if terminated within the probation)
      expect(await page.locator('[data-rule="aub.notification.probation-missing"]').count()).toBe(0);
      const rec = page.getByTestId("aub-recalculated").locator("li");
      expect(await rec.getAttribute("data-quarter")).toBe("2024Q4");
      expect(Number(await rec.getAttribute("data-oere"))).toBe(-RATE);

      // the employer's next quarter has dropped by one quarter's rate; the quarter before is unchanged
      await page.getByTestId("aub-agreement-employer").click();
      await page.locator('[data-testid="aub-contribution-row"][data-quarter="2024Q4"]').waitFor();
      await expect.poll(async () => Number(await page.locator('[data-testid="aub-contribution-row"][data-quarter="2024Q4"]').getAttribute("data-oere"))).toBe(before - RATE);
      expect(Number(await page.locator('[data-testid="aub-contribution-row"][data-quarter="2024Q3"]').getAttribute("data-oere"))).toBe(10 * RATE);

      // the statement PDF is served
      const href = await page.locator('[data-testid="aub-contribution-row"][data-quarter="2024Q4"] [data-testid="aub-statement-link"]').getAttribute("href");
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe("application/pdf");
    } finally {
      await context.close();
    }
  });
  test("employer with a wrong CVR check digit → finding beside the CVR field, nothing saved; corrected → registered", async () => {
    const user = demoUser("sagsbehandler@aub.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, user.email, user.password);
      await page.goto("/aub/employers");
      await page.getByTestId("aub-new-employer").click();
      const good = validCvr(9110001);
      const bad = good.slice(0, 7) + String((Number(good[7]) + 1) % 10);
      await page.getByTestId("aub-employer-cvr").fill(bad);
      await page.getByTestId("aub-employer-name-input").fill("Browser Test ApS");
      await page.getByTestId("aub-employer-units").fill(validCvr(9110101));
      await page.getByTestId("aub-employer-save").click();
      await page.getByTestId("findings-cvr").locator('[data-rule="id.cvr.checksum"]').waitFor();
      expect(await page.getByTestId("aub-employer-form").isVisible()).toBe(true);
      await page.getByTestId("aub-employer-cvr").fill(good);
      await page.getByTestId("aub-employer-save").click();
      await expect.poll(() => page.getByTestId("aub-employer-name").textContent()).toBe("Browser Test ApS");
      await page.goto("/aub/employers");
      await expect.poll(() => page.getByTestId("aub-employers").locator("tr", { hasText: good }).count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  test("parameters: sources shown (secondary marked), only an administrator adds, an overlapping period is refused beside the field", async () => {
    const tap = demoUser("sagsbehandler@aub.example");
    const admin = demoUser("admin@aub.example");
    {
      const { context, page } = await newPage(e2e.browser, e2e.server.url);
      try {
        await login(page, tap.email, tap.password);
        await page.goto("/aub/parameters");
        await page.getByTestId("aub-admin-only").waitFor();
        expect(await page.getByTestId("aub-parameter-form").count()).toBe(0);
        await expect.poll(() => page.locator('[data-testid="aub-parameter-row"][data-secondary="true"]').count()).toBeGreaterThan(0);
        expect(await page.getByTestId("aub-secondary-badge").count()).toBe(await page.locator('[data-testid="aub-parameter-row"][data-secondary="true"]').count());
      } finally {
        await context.close();
      }
    }
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, admin.email, admin.password);
      await page.goto("/aub/parameters");
      await page.getByTestId("aub-param-kind").selectOption("contribution-rate");
      await page.getByTestId("aub-param-validFrom").fill("2024-07-01");
      await page.getByTestId("aub-param-validTo").fill("2025-12-31");
      await page.getByTestId("aub-param-value").fill("3.200,00");
      await page.getByTestId("aub-param-source").fill("LBK (browser test)");
      await page.getByTestId("aub-param-add").click();
      await page.getByTestId("findings-validFrom").locator('[data-rule="aub.parameter.overlap"]').waitFor();
      const before = await page.locator('[data-testid="aub-parameter-row"][data-kind="contribution-rate"]').count();
      await page.getByTestId("aub-param-validFrom").fill("2025-01-01");
      await page.getByTestId("aub-param-add").click();
      await page.getByTestId("aub-parameter-saved").waitFor();
      await expect.poll(() => page.locator('[data-testid="aub-parameter-row"][data-kind="contribution-rate"]').count()).toBe(before + 1);
    } finally {
      await context.close();
    }
  });
});
