/**
 * The sprogprøve pupil pages in a real Chromium against the real server (`bevis serve --demo`, PGlite, built web app),
 * as a TAP user of the demo school:
 *
 * 1. the pupil-list upload: a file with one bad cell is refused with the finding naming the line, the column, the value
 *    and the rule, and nothing is saved; a good file adds the pupils;
 * 2. the "Dansk som andetsprog – supplerende" and § 14 exemption fields with their findings, the pupil's earlier
 *    versions and the year's history page;
 * 3. marking a pupil as left (a date in the future refused beside the field), what the list and the receipt then show,
 *    and taking the departure back — each a new version.
 *
 * The decision date is fixed through `X-Bevis-Today` (honoured under NODE_ENV=test, which the harness sets), so the
 * school year 2028/29 is open and 1 March 2029 is "today" whatever the clock says.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { cprFor } from "../src/kernel/ids/testing.ts";
import { maskCpr } from "../src/kernel/ids/cpr.ts";
import { DEMO_USERS } from "../src/platform/bootstrap.ts";
import { launchBrowser, login, newPage, startServer, type RunningServer } from "./harness.ts";

const TODAY = "2029-03-01";
const YEAR = "2028/29";
const ALMA = cprFor("2023-02-11", 511)!;
const BO = cprFor("2019-05-04", 512)!;
const CAI = cprFor("2018-09-23", 513)!;

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let yearPath = "";

async function checked(p: Page): Promise<void> {
  await p.waitForSelector('[data-testid="sp-check-status"][data-checking="no"]');
  await p.waitForTimeout(400); // the debounce of the live check
  await p.waitForSelector('[data-testid="sp-check-status"][data-checking="no"]');
}

async function upload(p: Page, name: string, text: string): Promise<void> {
  await p.getByTestId("sp-import-file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
  await p.getByTestId("sp-import-submit").click();
}

async function openPupil(p: Page, cpr: string): Promise<void> {
  await p.goto(yearPath);
  await p.getByTestId("sp-pupil-row").filter({ hasText: maskCpr(cpr) }).getByRole("link").click();
  await p.getByTestId("sp-pupil-title").filter({ hasText: maskCpr(cpr) }).waitFor();
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.url));
  await context.setExtraHTTPHeaders({ "x-bevis-today": TODAY });
  const tap = DEMO_USERS.find((u) => u.email === "tap@skole.example")!;
  await login(page, tap.email, tap.password);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

describe("sprogprøve pupil pages in the browser", () => {
  test("pupil-list upload: a bad cell is refused naming line, column, value and rule, nothing saved; a good file adds the pupils", async () => {
    await page.goto("/sprogprove");
    await page.getByTestId("sp-school-year").fill(YEAR);
    await page.getByTestId("sp-total").fill("100");
    await page.getByTestId("sp-listed").fill("40");
    await page.getByTestId("sp-open-year-submit").click();
    await page.getByTestId("sp-year-title").filter({ hasText: YEAR }).waitFor();
    yearPath = new URL(page.url()).pathname;

    const head = "cpr;klassetrin;navn;dsa_supplerende;dsa_skoleaar";
    await upload(page, "bad.csv", [head, `${ALMA};0;Alma Hansen;;`, `${BO};10;Bo Jensen;;`, `${CAI};5;Cai Holm;nej;`].join("\n"));
    const refused = page.getByTestId("sp-import-refused");
    await refused.waitFor();
    const bad = refused.locator('[data-testid="finding"][data-rule="sprogprove.input.class-level"]');
    await bad.waitFor();
    expect(await refused.getByTestId("finding").count()).toBe(1);
    expect(await bad.getAttribute("data-subject")).toBe("line 3: klassetrin");
    expect(await bad.getAttribute("data-severity")).toBe("error");
    const text = (await bad.textContent()) ?? "";
    expect(text).toContain("line 3: klassetrin");
    expect(text).toContain("10");
    expect(text).toMatch(/Hvad skal indberettes/);
    // nothing was saved
    await page.reload();
    await page.getByTestId("sp-year-title").waitFor();
    await page.getByTestId("sp-import").waitFor();
    expect(await page.getByTestId("sp-pupil-row").count()).toBe(0);

    await upload(page, "good.csv", [head, `${ALMA};0;Alma Hansen;;`, `${BO};4;Bo Jensen;ja;4`, `${CAI};5;Cai Holm;nej;`].join("\n"));
    const report = page.getByTestId("sp-import-report");
    await report.waitFor();
    expect(await report.getAttribute("data-added")).toBe("3");
    await expect.poll(() => page.getByTestId("sp-pupil-row").count()).toBe(3);
    const cai = page.getByTestId("sp-pupil-row").filter({ hasText: maskCpr(CAI) });
    expect(await cai.getByTestId("sp-pupil-name").textContent()).toBe("Cai Holm");
  });

  test("DSA teaching and § 14 exemption fields with their findings; the pupil's earlier versions; the history page", async () => {
    await openPupil(page, CAI);
    // 5. klasse, "Dansk som andetsprog – supplerende": no → yes in the 4th school year: the test is due
    expect(await page.getByTestId("sp-dsa").inputValue()).toBe("no");
    expect(await page.getByTestId("sp-tested").inputValue()).toBe("no");
    await page.getByTestId("sp-dsa").selectOption("yes");
    await page.getByTestId("sp-dsa-years").fill("4");
    await checked(page);
    const due = page.getByTestId("findings-toBeTested").locator('[data-rule="sprogprove.selection.must-be-tested"]');
    await due.waitFor();
    // a § 14 exemption instead: each of its three conditions is a finding until ticked
    await page.getByTestId("sp-exempted").check();
    await checked(page);
    await expect.poll(() => page.getByTestId("findings-exemption").locator('[data-rule="sprogprove.exemption.condition"]').count()).toBe(3);
    for (const k of ["considerableDisability", "pppAssessment", "specialConditionsConsidered"]) await page.getByTestId(`sp-exemption-${k}`).check();
    await checked(page);
    await expect.poll(() => page.locator('[data-testid="findings-exemption"] [data-severity="error"]').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="findings-toBeTested"] [data-rule="sprogprove.selection.must-be-tested"]').count()).toBe(0);
    await page.getByTestId("sp-save").click();
    await page.getByTestId("sp-saved").waitFor();

    // the pupil's versions: 1 from the import, 2 changing DSA and the exemption
    const v2 = page.locator('[data-testid="sp-pupil-version"][data-version="2"]');
    await v2.waitFor();
    expect((await v2.getAttribute("data-changed"))!.split(",")).toEqual(["dsa", "exemption"]);
    const v1 = page.locator('[data-testid="sp-pupil-version"][data-version="1"]');
    expect(await v1.textContent()).toContain("pupil-list import");
    expect(await v2.textContent()).toMatch(/Nej → .*Ja \(4\)/);

    // the year's history page: the change first, then the three imported pupils; a link back to the pupil
    await page.goto(yearPath);
    await page.getByTestId("sp-history-link").click();
    await page.getByTestId("sp-history-title").waitFor();
    const changes = page.getByTestId("sp-history-change");
    await expect.poll(() => changes.count()).toBe(4);
    expect(await changes.first().getAttribute("data-version")).toBe("2");
    expect(await changes.first().getAttribute("data-changed")).toBe("dsa,exemption");
    expect(await changes.first().textContent()).toContain(maskCpr(CAI));
    expect(await changes.first().textContent()).not.toContain(CAI.slice(6));
    await changes.first().getByRole("link").click();
    await page.getByTestId("sp-pupil-title").filter({ hasText: maskCpr(CAI) }).waitFor();
    await expect.poll(() => page.getByTestId("sp-exempted").isChecked()).toBe(true);
  });

  test("marking a pupil as left (a future date refused beside the field), the list and receipt after it, and taking it back", async () => {
    await page.goto(yearPath);
    const gap = page.getByTestId("sp-draft-receipt").locator(`[data-pupil="${maskCpr(ALMA)}"]`);
    await expect.poll(() => gap.count()).toBeGreaterThan(0);

    await openPupil(page, ALMA);
    await page.getByTestId("sp-left-on").fill("2029-03-05");
    await page.getByTestId("sp-left-reason").fill("flyttet til Aarhus");
    await page.getByTestId("sp-left-mark").click();
    await page.getByTestId("findings-left.on").locator('[data-rule="sprogprove.left.future"]').waitFor();
    expect(await page.getByTestId("sp-left").getAttribute("data-left")).toBe("");

    await page.getByTestId("sp-left-on").fill("2029-02-15");
    await page.getByTestId("sp-left-mark").click();
    await page.getByTestId("sp-left-saved").waitFor();
    expect(await page.getByTestId("sp-left-status").textContent()).toContain("2029-02-15");
    expect(await page.getByTestId("sp-left-status").textContent()).toContain("flyttet til Aarhus");
    expect(await page.getByTestId("sp-left").getAttribute("data-left")).toBe("2029-02-15");
    await page.locator('[data-testid="sp-pupil-version"][data-version="2"][data-changed="left"]').waitFor();

    // the list marks the pupil; nothing is required of a leaver any more
    await page.goto(yearPath);
    const row = page.getByTestId("sp-pupil-row").filter({ hasText: maskCpr(ALMA) });
    await row.waitFor();
    expect(await row.getAttribute("data-left")).toBe("2029-02-15");
    expect(await row.getAttribute("data-reported")).toBe("false");
    expect(await row.getByTestId("sp-pupil-left").textContent()).toContain("2029-02-15");
    await page.getByTestId("sp-draft-receipt").waitFor();
    expect(await page.getByTestId("sp-draft-receipt").locator(`[data-pupil="${maskCpr(ALMA)}"]`).count()).toBe(0);
    expect(await page.getByTestId("sp-draft-receipt").getByTestId("sp-receipt-left").getAttribute("data-not-reported")).toBe("1");

    // take it back: a reason, then a third version
    await openPupil(page, ALMA);
    await page.getByTestId("sp-left-undo-reason").fill("registreret ved en fejl");
    await page.getByTestId("sp-left-undo").click();
    await page.getByTestId("sp-left-saved").waitFor();
    await page.getByTestId("sp-left-on").waitFor();
    expect(await page.getByTestId("sp-left").getAttribute("data-left")).toBe("");
    const v3 = page.locator('[data-testid="sp-pupil-version"][data-version="3"]');
    await v3.waitFor();
    expect(await v3.getAttribute("data-changed")).toBe("left");
    expect(await v3.textContent()).toContain("registreret ved en fejl");
  });
});
