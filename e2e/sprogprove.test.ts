/**
 * The sprogprøve journey in a real Chromium against the real server (`bevis serve --demo`, PGlite, built web app):
 * a TAP user of the demo school opens a school year, states the exempted count (a CPR there is refused beside the
 * field), registers a bh.kl. pupil found sprogparat in attempt 2 and sees attempts 3–4 forced to "Intet resultat",
 * submits and gets a receipt flagging the pupil without "rykker op", fixes it, resubmits (green) and downloads the
 * XLSX copy, which is read back. A lærer-role user cannot submit (403 with the reason).
 */
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { cprFor } from "../src/kernel/ids/testing.ts";
import { formatCpr, maskCpr } from "../src/kernel/ids/cpr.ts";
import { readWorkbook, sheetValues } from "../src/platform/render/xlsx.ts";
import { demoUser, login, newPage, serverAndBrowser } from "./harness.ts";

const e2e = serverAndBrowser();

/** A school year that is open whatever today is (it closes on 5 September of its second calendar year). */
const YEAR = "2027/28";
const CPR = cprFor("2022-03-14", 417)!;

async function checked(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="sp-check-status"][data-checking="no"]');
  await page.waitForTimeout(400); // the debounce of the live check
  await page.waitForSelector('[data-testid="sp-check-status"][data-checking="no"]');
}

describe("sprogprøver in the browser", () => {
  let yearPath = "";

  test("TAP: register sprogparat in attempt 2, forced 3–4, receipt with the gap, fix, resubmit, XLSX", async () => {
    const tap = demoUser("tap@skole.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, tap.email, tap.password);
      await page.goto("/sprogprove");
      // the demo school's years are there
      await page.getByTestId("sp-year-row").first().waitFor();
      await page.getByTestId("sp-school-year").fill(YEAR);
      await page.getByTestId("sp-total").fill("100");
      await page.getByTestId("sp-listed").fill("40");
      await page.getByTestId("sp-open-year-submit").click();
      await page.getByTestId("sp-year-title").filter({ hasText: YEAR }).waitFor();
      yearPath = new URL(page.url()).pathname;
      await expect.poll(() => page.getByTestId("sp-coverage").getAttribute("data-covered")).toBe("true");

      // step 3: a CPR number is refused beside the field; then the number 0
      await page.getByTestId("sp-exempted-count").fill(formatCpr(CPR));
      await page.getByTestId("sp-exempted-save").click();
      const cprFinding = page.getByTestId("findings-exemptedCount").locator('[data-rule="sprogprove.input.exempted-cpr"]');
      await cprFinding.waitFor();
      expect(await page.getByTestId("findings-exemptedCount").textContent()).not.toContain(CPR.slice(6));
      await page.getByTestId("sp-exempted-count").fill("0");
      await page.getByTestId("sp-exempted-save").click();
      await page.getByTestId("sp-exempted-saved").waitFor();

      // the pupil: Ikke sprogparat, then Sprogparat → 3 and 4 forced to Intet resultat
      await page.getByTestId("sp-new-pupil").click();
      await page.getByTestId("sp-cpr").fill(CPR);
      await page.getByTestId("sp-attempt-1").selectOption("ikke-sprogparat");
      await page.getByTestId("sp-attempt-2").selectOption("sprogparat");
      for (const no of [3, 4]) {
        const sel = page.getByTestId(`sp-attempt-${no}`);
        await expect.poll(() => sel.getAttribute("data-forced")).toBe("true");
        expect(await sel.inputValue()).toBe("intet-resultat");
        expect(await sel.isDisabled()).toBe(true);
      }
      await checked(page);
      // "rykker op" not stated: the finding sits beside the field, with the guide's passage
      const rykker = page.getByTestId("findings-rykkerOp").getByTestId("finding").first();
      await rykker.waitFor();
      expect(await rykker.getByTestId("finding-cite").textContent()).toMatch(/001/);
      await page.getByTestId("sp-save").click();
      await page.getByTestId("sp-saved").waitFor();

      // submit: the receipt flags the pupil without "rykker op"
      await page.goto(yearPath);
      await page.getByTestId("sp-submit").click();
      const receipt = page.getByTestId("sp-receipt");
      await receipt.waitFor();
      expect(await receipt.getAttribute("data-complete")).toBe("false");
      const gap = receipt.locator('[data-rule="sprogprove.rykker-op.missing"]');
      await gap.waitFor();
      expect(await gap.getAttribute("data-pupil")).toBe(maskCpr(CPR));

      // fix it
      await page.getByTestId("sp-pupil-row").filter({ hasText: maskCpr(CPR) }).getByRole("link").click();
      await page.getByTestId("sp-pupil-title").filter({ hasText: maskCpr(CPR) }).waitFor();
      await expect.poll(() => page.getByTestId("sp-attempt-2").inputValue()).toBe("sprogparat");
      await page.getByTestId("sp-rykker-op").selectOption("yes");
      await checked(page);
      await page.getByTestId("sp-save").click();
      await page.getByTestId("sp-saved").waitFor();

      // resubmit: green
      await page.goto(yearPath);
      await page.getByTestId("sp-submit").click();
      const green = page.locator('[data-testid="sp-receipt"][data-number="2"]');
      await green.waitFor();
      expect(await green.getAttribute("data-complete")).toBe("true");
      await expect.poll(() => page.getByTestId("sp-submission-row").count()).toBe(2);
      // the overview chart: one pupil found sprogparat in attempt 2 of børnehaveklassen
      await page.goto(yearPath);
      const bar = page.locator('[data-testid="sp-bar"][data-level="0"][data-attempt="2"]');
      await bar.waitFor({ state: "attached" });
      expect(await bar.getAttribute("data-sprogparat")).toBe("1");
      expect(await page.locator('[data-testid="sp-bar"][data-level="0"][data-attempt="3"]').getAttribute("data-sprogparat")).toBe("0");

      // the XLSX copy, read back
      const href = await page.getByTestId("sp-submission-row").first().getByRole("link").getAttribute("href");
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      const wb = await readWorkbook(Buffer.from(await res.body()));
      const rows = sheetValues(wb.getWorksheet("1) Elever i børnehaveklasse")!);
      const head = rows[0]!;
      const row = rows.find((r) => r[0] === formatCpr(CPR))!;
      expect(row).toBeDefined();
      expect(row[head.indexOf("Forsøg 1")]).toBe("Ikke sprogparat");
      expect(row[head.indexOf("Forsøg 2")]).toBe("Sprogparat");
      expect(row[head.indexOf("Forsøg 3")]).toBe("Intet resultat");
      expect(row[head.indexOf("Forsøg 4")]).toBe("Intet resultat");
      expect(row[head.indexOf("Rykker op")]).toBe("Ja");
      expect(sheetValues(wb.getWorksheet("3) Fritagne elever")!)[1]).toEqual([0]);
    } finally {
      await context.close();
    }
  });

  test("a lærer cannot submit: 403 with the reason", async () => {
    const laerer = demoUser("laerer@skole.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, laerer.email, laerer.password);
      await page.goto(yearPath);
      await page.getByTestId("sp-submit-not-allowed").waitFor();
      await page.getByTestId("sp-submit").click();
      const problem = page.getByTestId("problem");
      await problem.waitFor();
      expect(await problem.locator('[data-rule="sprogprove.role.may-not-submit"]').count()).toBe(1);
      const id = yearPath.split("/").pop();
      const res = await page.request.post(`/api/sprogprove/years/${id}/submissions`, { data: {} });
      expect(res.status()).toBe(403);
      const body = (await res.json()) as { detail: string; findings: { rule: string; cite: { ref: string } }[] };
      expect(body.detail).toMatch(/Leder, Ledelse or TAP/);
      expect(body.findings[0]).toMatchObject({ rule: "sprogprove.role.may-not-submit", cite: { ref: "Hvem kan indberette?" } });
    } finally {
      await context.close();
    }
  });
});
