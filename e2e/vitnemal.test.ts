/**
 * The vitnemål journey of issue 3 in a real Chromium against the real server (`bevis serve --demo`, PGlite, built web
 * app): the rådgiver of the demo school (921234562) registers a vg1 pupil who did not meet for the English exam with
 * documented absence (through the API, as a school's import would), finds her on the class list of 2022/23 with a
 * kompetansebevis, opens her document preview, sees the ENG1007 line with IM and FAM39 «Dokumentert fravær» put there
 * by §6.3, issues the kompetansebevis, downloads it and reads the PDF back with pdftotext. The class list also shows
 * the demo pupil whose missing orden og adferd (§5.6) blocks issuing, and her preview has the issue button disabled;
 * correcting her case in the page's form (orden og adferd added, with a reason) makes it issuable. Then: issuing again is a change (new number, the old one cancelled, §2.8), a way-2 duplicate is marked DUPLIKAT
 * (§2.11), the document is cancelled (FEI), the demo's vitnemål is reissued after a change of legal gender (§2.12), and
 * the school year's NVB file is downloaded from the documents page; last, the class list issues the rest of the year
 * in one batch.
 */
import { readFile } from "node:fs/promises";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_USERS } from "../src/platform/bootstrap.ts";
import { pdfText } from "../src/platform/render/testing.ts";
import { demoFnr, vg1Case } from "../src/rulebooks/no-vitnemal/demo.ts";
import { launchBrowser, login, newPage, startServer, type RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
/** One logged-in rådgiver for the whole journey (the tests run in order and build on each other). */
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ context, page } = await newPage(browser, server.url));
  const user = DEMO_USERS.find((u) => u.email === "radgiver@vgs.example")!;
  await login(page, user.email, user.password);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

const NAME = "Emma Eksamen Demo";
const FNR = demoFnr("050607", 3);
const DATE = "2023-06-21";

describe("vitnemål (seed 003) in the browser", () => {
  const row = () => page.locator(`[data-testid="vm-class-row"][data-name="${NAME}"]`);
  let number = "";
  let newNumber = "";

  test("the class list of a school year: who gets which document, and the pupil whose §5.6 error blocks issuing", async () => {
    const created = await page.request.post("/api/vitnemal/cases", { data: vg1Case(NAME, FNR, true) });
    expect(created.status(), await created.text()).toBe(201);

    // the class list of 2022/23: who gets which document, and who is blocked
    await page.goto("/vitnemal");
    await page.getByTestId("vm-class-row").first().waitFor();
    await page.getByTestId("vm-year").selectOption("2022/23");
    const pupilRow = row();
    await pupilRow.waitFor();
    expect(await pupilRow.getAttribute("data-kind")).toBe("kompetansebevis");
    expect(await pupilRow.getAttribute("data-issuable")).toBe("true");
    expect(await pupilRow.getAttribute("data-document")).toBe("");
    expect(await pupilRow.textContent()).not.toContain(FNR.slice(6)); // masked
    for (const r of await page.getByTestId("vm-class-row").all()) expect(await r.getAttribute("data-school-year")).toBe("2022/23");
    await page.getByTestId("vm-year").selectOption("2024/25");
    const sara = page.locator('[data-testid="vm-class-row"][data-name="Sara Demo"]');
    await sara.waitFor();
    expect(await sara.getAttribute("data-issuable")).toBe("false");
    expect(await sara.getByTestId("vm-blocked").count()).toBe(1);

    // the blocked pupil: the §5.6 error is listed as blocking and the issue button is disabled
    await sara.getByTestId("vm-case-link").click();
    await page.getByTestId("vm-case-name").filter({ hasText: "Sara Demo" }).waitFor();
    const blocking = page.getByTestId("vm-blocking-findings").getByTestId("finding");
    await blocking.first().waitFor();
    expect(await blocking.first().getAttribute("data-severity")).toBe("error");
    expect(await page.getByTestId("vm-blocking-findings").getByTestId("finding-cite").allTextContents()).toContainEqual(expect.stringMatching(/003 · 5\.6/));
    expect(await page.getByTestId("vm-issue").isDisabled()).toBe(true);

    // correct her case in the browser: record orden og adferd for the last year → previewed issuable, saved, issuable
    await page.getByTestId("vm-correct-open").click();
    const conduct = page.getByTestId("vm-f-conduct");
    expect(await conduct.getAttribute("data-rows")).toBe("0"); // no orden og adferd recorded
    // previewed as it is, the §5.6 finding sits beside the (empty) orden og adferd section of the form
    await page.getByTestId("vm-editor-preview").click();
    await conduct.getByTestId("vm-section-findings").locator('[data-rule="vitnemal.conduct.missing"]').waitFor();
    expect(await page.getByTestId("vm-editor-result").getAttribute("data-issuable")).toBe("false");
    await page.getByTestId("vm-f-conduct-add").click();
    await page.getByTestId("vm-f-conduct-0-schoolYear-startYear").selectOption({ label: "2024/25" });
    await page.getByTestId("vm-f-conduct-0-orden").selectOption({ label: "God" });
    await page.getByTestId("vm-f-conduct-0-adferd").selectOption({ label: "God" });
    await page.getByTestId("vm-f-conduct-0-kind").selectOption({ label: "Standpunkt" });
    expect(await page.getByTestId("vm-f-conduct-0-elevInYear").isChecked()).toBe(true);
    await page.getByTestId("vm-editor-preview").click();
    await expect.poll(() => page.getByTestId("vm-editor-result").getAttribute("data-issuable")).toBe("true");
    expect(await page.getByTestId("vm-editor-save").isDisabled()).toBe(true); // a correction needs its reason
    await page.getByTestId("vm-editor-reason").fill("Orden og adferd 2024/25 registrert");
    await page.getByTestId("vm-editor-save").click();
    await page.getByTestId("vm-message").waitFor();
    await expect.poll(() => page.getByTestId("vm-case").getAttribute("data-issuable")).toBe("true");
    expect(await page.getByTestId("vm-blocking").getAttribute("data-count")).toBe("0");
    expect(await page.getByTestId("vm-issue").isDisabled()).toBe(false);
    expect(await page.locator('[data-testid="vm-line"][data-part="conduct"]').getByTestId("vm-line-text").textContent()).toContain("God");
  });

  test("the issue's pupil: IM + FAM39 with §6.3 on the preview, issue the kompetansebevis, download it and read it back", async () => {
    const pupilRow = row();
    // the pupil with IM + FAM39, decided on the issue date
    await page.goto(`/vitnemal?year=2022/23&on=${DATE}`);
    await pupilRow.getByTestId("vm-case-link").click();
    await page.getByTestId("vm-case-name").filter({ hasText: NAME }).waitFor();
    const caseEl = page.getByTestId("vm-case");
    expect(await caseEl.getAttribute("data-kind")).toBe("kompetansebevis");
    expect(await caseEl.getAttribute("data-issuable")).toBe("true");
    expect(await page.getByTestId("vm-blocking").getAttribute("data-count")).toBe("0");
    const title = page.locator('[data-testid="vm-line"][data-part="identity"]').first();
    expect(await title.getByTestId("vm-line-text").textContent()).toBe("KOMPETANSEBEVIS");
    const eng = page.locator('[data-testid="vm-line"][data-part="subject"]').filter({ hasText: "ENG1007" });
    await eng.waitFor();
    const engText = (await eng.getByTestId("vm-line-text").textContent()) ?? "";
    expect(engText).toMatch(/\bIM\b/);
    expect(engText).toContain("Dokumentert fravær");
    expect((await eng.getAttribute("data-sections"))?.split(" ")).toContain("6.3");
    expect(await eng.locator('[data-section="6.3"]').textContent()).toBe("punkt 6.3");
    expect(await eng.getByTestId("vm-why").textContent()).toContain("FAM39");
    const engFinding = eng.locator('[data-rule="vitnemal.exam.not-met-documented"]');
    expect(await engFinding.getByTestId("finding-cite").textContent()).toBe("seed 003 · 6.3");
    expect(await engFinding.textContent()).toContain("Ikke møtt"); // the bokmål message
    // the other subjects are there with their grades, without a merknad
    expect(await page.locator('[data-testid="vm-line"][data-part="subject"]').filter({ hasText: "MAT1021" }).getByTestId("vm-line-text").textContent()).toContain("4 fire");
    // in English the explanation switches language, the sections stay
    await page.getByTestId("lang-en").click();
    expect(await eng.getByTestId("vm-why").textContent()).toContain("FAM39 (§6.3)");
    await page.getByTestId("lang-da").click();

    // issue the kompetansebevis
    await page.getByTestId("vm-issue").click();
    await page.getByTestId("vm-issue-confirm").click();
    const issued = page.getByTestId("vm-issued-number");
    await issued.waitFor();
    number = (await issued.getAttribute("data-number"))!;
    expect(number).toMatch(/^K921234562\d{8}$/);
    expect(number.slice(10, 14)).toBe("2023");
    const docRow = page.locator(`[data-testid="vm-document-row"][data-number="${number}"]`);
    await docRow.waitFor();
    expect(await docRow.getAttribute("data-status")).toBe("issued");

    // download it and read it back
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("vm-issued-download").click()]);
    expect(download.suggestedFilename()).toBe(`kompetansebevis-${number}.pdf`);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("KOMPETANSEBEVIS");
    expect(text).toContain(NAME);
    expect(text).toMatch(/ENG1007\s+Engelsk vg1/);
    const engLine = text.split("\n").find((l) => l.includes("ENG1007")) ?? "";
    expect(engLine).toMatch(/\bIM\b/);
    expect(engLine).toContain("Dokumentert fravær");
    expect(text).toContain("MAT1021");
    expect(text).toContain("21.06.2023");
    expect(text).toContain(number);

    // the class list now shows the issued document
    await page.goto(`/vitnemal?year=2022/23&on=${DATE}`);
    await expect.poll(() => pupilRow.getAttribute("data-document")).toBe(number);

  });

  test("issuing again is a change (§2.8); a §2.11 duplicate; cancel; §2.12 after a gender change; the year's NVB file; the year's batch", async () => {
    const pupilRow = row();
    await page.goto(`/vitnemal?year=2022/23&on=${DATE}`);
    // issuing again is refused for nothing: it is a change, with a new number and the old one cancelled (§2.8)
    await pupilRow.getByTestId("vm-case-link").click();
    await page.getByTestId("vm-case-name").filter({ hasText: NAME }).waitFor();
    await page.getByTestId("vm-change-reason").selectOption("FEI");
    await page.getByTestId("vm-issue").click();
    await page.getByTestId("vm-issue-confirm").click();
    const second = page.getByTestId("vm-issued-number");
    await expect.poll(() => second.getAttribute("data-number")).not.toBe(number);
    await expect.poll(() => page.locator(`[data-testid="vm-document-row"][data-number="${number}"]`).getAttribute("data-status")).toBe("cancelled");
    newNumber = (await second.getAttribute("data-number"))!;
    expect(newNumber.slice(0, 10)).toBe("K921234562");
    const newRow = page.locator(`[data-testid="vm-document-row"][data-number="${newNumber}"]`);
    expect(await newRow.getAttribute("data-status")).toBe("issued");
    // the old one can only be downloaded now (no duplicate or cancel on a cancelled document)
    expect(await page.locator(`[data-testid="vm-document-row"][data-number="${number}"]`).getByTestId("vm-duplicate-open").count()).toBe(0);

    // §2.11 way 2: a duplicate from the system with the same number, marked as one
    await newRow.getByTestId("vm-duplicate-open").click();
    await newRow.getByTestId("vm-duplicate-way").selectOption("2");
    await newRow.getByTestId("vm-duplicate-signatory").fill("Rolf Rektor");
    await newRow.getByTestId("vm-duplicate-submit").click();
    await page.getByTestId("vm-message").filter({ hasText: newNumber }).waitFor();
    const dup = await page.request.get(`/api/vitnemal/documents/${newNumber}/pdf`);
    expect(dup.status()).toBe(200);
    const dupText = pdfText(Buffer.from(await dup.body()));
    expect(dupText).toContain("DUPLIKAT");
    expect(dupText).toContain(newNumber);

    // cancel it (registration error): the class list then shows no valid document
    await newRow.getByTestId("vm-cancel-open").click();
    await newRow.getByTestId("vm-cancel-reason-select").selectOption("FEI");
    await newRow.getByTestId("vm-cancel-comment").fill("Feil elev");
    await newRow.getByTestId("vm-cancel-submit").click();
    await expect.poll(() => newRow.getAttribute("data-status")).toBe("cancelled");
    await page.getByTestId("vm-nav-classlist").click();
    await page.getByTestId("vm-year").selectOption("2022/23");
    await expect.poll(() => pupilRow.getAttribute("data-document")).toBe("");

    // the year's documents to NVB: a malformed school year is refused with its finding; 2022/23 downloads the file
    await page.getByTestId("vm-nav-documents").click();
    await page.getByTestId("vm-document-row").first().waitFor();
    expect(await page.locator(`[data-testid="vm-document-row"][data-number="${newNumber}"]`).getAttribute("data-status")).toBe("cancelled");

    // §2.12: Ingrid's vitnemål after a change of legal gender — a new document with the new fødselsnummer
    const ingrid = page.locator('[data-testid="vm-document-row"][data-number="V92123456220250001"]');
    await ingrid.getByTestId("vm-reissue-open").click();
    await ingrid.getByTestId("vm-reissue-fnr").fill(demoFnr("150306", 1));
    await ingrid.getByTestId("vm-reissue-submit").click();
    await page.getByTestId("vm-message").filter({ hasText: "V92123456220250001" }).waitFor();
    await expect.poll(() => ingrid.getAttribute("data-status")).toBe("cancelled");
    const reissued = page.locator('[data-testid="vm-document-row"][data-status="issued"][data-kind="vitnemal"]');
    expect(await reissued.count()).toBe(1);
    expect(await reissued.textContent()).toContain("V92123456220250001"); // replaces
    expect(await reissued.textContent()).toContain(demoFnr("150306", 1).slice(0, 6) + "xxxxx");

    await page.getByTestId("vm-nvb-year").fill("2022");
    await page.getByTestId("vm-nvb-export").click();
    await page.getByTestId("vm-nvb").getByTestId("problem").locator('[data-rule="vitnemal.input.school-year"]').waitFor();
    await page.getByTestId("vm-nvb-year").fill("2022/23");
    await page.getByTestId("vm-nvb-school").fill("99001");
    const [nvb] = await Promise.all([page.waitForEvent("download"), page.getByTestId("vm-nvb-export").click()]);
    expect(nvb.suggestedFilename()).toBe("nvb-921234562-2022-23.txt");
    const file = await readFile((await nvb.path())!, "utf8");
    expect(file.startsWith("¤A¤921234562¤99001¤")).toBe(true);
    expect(file).toContain("¤V¤K92123456220230001¤"); // Jonas (demo), valid
    expect(file).toMatch(new RegExp(`¤D¤${number}¤`)); // the changed one, cancelled

    // the whole school year in one batch: Ola (never issued) and this pupil (all cancelled) get documents; Jonas keeps his
    await page.goto(`/vitnemal?year=2022/23&on=${DATE}`);
    await pupilRow.waitFor();
    await page.getByTestId("vm-batch-open").click();
    await page.getByTestId("vm-batch-confirm").click();
    const batch = page.getByTestId("vm-batch-result");
    await batch.waitFor();
    expect(await batch.getAttribute("data-issued")).toBe("2");
    expect(await batch.getAttribute("data-refused")).toBe("0");
    await expect.poll(() => pupilRow.getAttribute("data-document")).toMatch(/^K92123456220230\d{3}$/);
    expect(await page.locator('[data-testid="vm-class-row"][data-name="Ola Demo"]').getAttribute("data-document")).toMatch(/^K9212345622023/);
    expect(await page.locator('[data-testid="vm-class-row"][data-name="Jonas Demo"]').getAttribute("data-document")).toBe("K92123456220230001");
  });
});
