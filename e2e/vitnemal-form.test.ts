/**
 * Registering and correcting a vitnemål case with the form (web/src/vitnemal/case-form.tsx), in a real Chromium against
 * `bevis serve --demo`: a rådgiver registers a new vg1 pupil by the form with a malformed fødselsnummer — the server's
 * finding (kernel fødselsnummer parser) stands beside that field and nothing is saved; a subject row with an unknown
 * fagkode gets the §2.6 finding beside that row; fixed, the preview (POST /preview, nothing saved) is issuable and the
 * case is saved. Then one subject grade is corrected with a reason → a new version (the preview shows the new grade);
 * a correction sent from a stale version (someone else saved first) is refused with 409, shown as such, nothing merged.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_USERS } from "../src/platform/bootstrap.ts";
import { demoFnr } from "../src/rulebooks/no-vitnemal/demo.ts";
import { launchBrowser, login, newPage, startServer, type RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
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

const NAME = "Frida Skjema Demo";
const FNR = demoFnr("140907", 4);

interface Detail {
  id: string;
  version: number;
  input: { subjects: { fagkode: string; standpunkt?: unknown }[] } & Record<string, unknown>;
  history: { version: number; reason: string | null }[];
}

async function casesNamed(name: string): Promise<{ id: string; name: string }[]> {
  const r = await page.request.get("/api/vitnemal/cases?limit=500");
  expect(r.status()).toBe(200);
  return ((await r.json()) as { items: { id: string; name: string }[] }).items.filter((c) => c.name === name);
}

describe("vitnemål case form (seed 003) in the browser", () => {
  test("register by the form: a malformed fødselsnummer's finding beside the field and nothing saved; fixed → preview issuable → saved; a grade corrected with a reason → a new version; a stale correction → 409", async () => {
    await page.goto("/vitnemal");
    await page.getByTestId("vm-new-case").click();
    const form = page.getByTestId("vm-editor");
    await form.waitFor();

    // the person, the issuer and the signatories by field; the template's subject ENG1007 shows its catalogue name
    await page.getByTestId("vm-f-person-name").fill(NAME);
    await page.getByTestId("vm-f-person-fnr").fill("12345678901");
    await page.getByTestId("vm-f-issuer-place").fill("Tromsø");
    await page.getByTestId("vm-f-signatories-0").fill("Rolf Rektor");
    await page.getByTestId("vm-f-signatories-1").fill("Randi Rådgiver");
    const subjects = page.getByTestId("vm-f-subjects-row");
    expect(await subjects.count()).toBe(1);
    expect(await subjects.first().getByTestId("vm-code-name").first().textContent()).toContain("Engelsk");

    // a second subject with a fagkode that is not in the catalogue
    await page.getByTestId("vm-f-subjects-add").click();
    await expect.poll(() => subjects.count()).toBe(2);
    await page.getByTestId("vm-f-subjects-1-fagkode").fill("XYZ9999");
    await page.getByTestId("vm-f-subjects-1-standpunkt").selectOption("3");

    // register: refused (422), the kernel's fødselsnummer finding beside the field, nothing saved
    await page.getByTestId("vm-editor-save").click();
    const fnrField = page.locator('[data-field="person.fnr"]');
    const fnrFinding = fnrField.getByTestId("vm-field-findings").getByTestId("finding").first();
    await fnrFinding.waitFor();
    expect(await fnrFinding.getAttribute("data-severity")).toBe("error");
    expect(await fnrFinding.getAttribute("data-rule")).toMatch(/^id\.fnr\./);
    expect(await page.locator('[data-field="person.name"]').getByTestId("finding").count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe("/vitnemal/cases/new");
    await page.getByTestId("vm-form-refused").waitFor(); // by the buttons: not saved, the findings are at their fields
    expect(await casesNamed(NAME)).toEqual([]);

    // fixed: the preview (nothing saved) puts the §2.6 finding beside the subject row with the unknown fagkode
    await page.getByTestId("vm-f-person-fnr").fill(FNR);
    await page.getByTestId("vm-editor-preview").click();
    await page.getByTestId("vm-editor-result").waitFor();
    expect(await page.getByTestId("vm-editor-result").getAttribute("data-issuable")).toBe("false");
    expect(await fnrField.getByTestId("finding").count()).toBe(0);
    const badRow = subjects.nth(1);
    const rowFinding = badRow.getByTestId("vm-row-findings").locator('[data-rule="vitnemal.catalogue.unknown-fagkode"]');
    await rowFinding.waitFor();
    expect(await rowFinding.getByTestId("finding-cite").textContent()).toBe("seed 003 · 2.6");
    expect(await subjects.first().getByTestId("vm-row-findings").count()).toBe(0);
    expect(await casesNamed(NAME)).toEqual([]);

    // remove the row: previewed issuable, with the printed ENG1007 line; then registered
    await badRow.getByTestId("vm-row-remove").click();
    await expect.poll(() => subjects.count()).toBe(1);
    await page.getByTestId("vm-editor-preview").click();
    await expect.poll(() => page.getByTestId("vm-editor-result").getAttribute("data-issuable")).toBe("true");
    expect(await page.getByTestId("vm-editor-result").getAttribute("data-kind")).toBe("kompetansebevis");
    expect(await page.locator('[data-testid="vm-editor-result"] [data-testid="vm-line"][data-part="subject"]').filter({ hasText: "ENG1007" }).getByTestId("vm-line-text").textContent()).toContain("4 fire");
    await page.getByTestId("vm-editor-save").click();
    await page.getByTestId("vm-case-name").filter({ hasText: NAME }).waitFor();
    const saved = await casesNamed(NAME);
    expect(saved.length).toBe(1);
    const caseId = saved[0]!.id;
    expect(new URL(page.url()).pathname).toBe(`/vitnemal/cases/${caseId}`);
    expect(await page.getByTestId("vm-case").getAttribute("data-issuable")).toBe("true");

    // correct one subject grade: standpunkt 4 → 5, with a reason → version 2
    await page.getByTestId("vm-correct-open").click();
    await page.getByTestId("vm-f-subjects-0-standpunkt").selectOption("5");
    expect(await page.getByTestId("vm-editor-save").isDisabled()).toBe(true); // a correction needs its reason
    await page.getByTestId("vm-editor-reason").fill("Standpunkt i engelsk rettet etter klage");
    await page.getByTestId("vm-editor-save").click();
    await page.getByTestId("vm-message").waitFor();
    const eng = page.locator('[data-testid="vm-case"] > .vm-grid [data-testid="vm-line"][data-part="subject"]').filter({ hasText: "ENG1007" });
    await expect.poll(() => eng.getByTestId("vm-line-text").textContent()).toContain("5 fem");
    const v2 = (await (await page.request.get(`/api/vitnemal/cases/${caseId}`)).json()) as Detail;
    expect(v2.version).toBe(2);
    expect(v2.input.subjects[0]!.standpunkt).toBe(5);
    expect(v2.history.map((h) => h.version).sort()).toEqual([1, 2]);
    expect(v2.history.find((h) => h.version === 2)?.reason).toBe("Standpunkt i engelsk rettet etter klage");

    // someone else saves version 3 while the form still holds version 2: the form's correction is refused (409),
    // shown as such; nothing of the form's change is merged into the case
    const other = await page.request.put(`/api/vitnemal/cases/${caseId}`, {
      data: { input: { ...v2.input, issuer: { ...(v2.input.issuer as object), place: "Bodø" } }, version: 2, reason: "Sted rettet" },
    });
    expect(other.status(), await other.text()).toBe(200);
    await page.getByTestId("vm-f-subjects-0-standpunkt").selectOption("6");
    await page.getByTestId("vm-editor-reason").fill("Ny rettelse");
    await page.getByTestId("vm-editor-save").click();
    const stale = page.getByTestId("vm-stale");
    await stale.waitFor();
    expect(await stale.textContent()).toContain("2 → 3");
    const v3 = (await (await page.request.get(`/api/vitnemal/cases/${caseId}`)).json()) as Detail;
    expect(v3.version).toBe(3);
    expect(v3.input.subjects[0]!.standpunkt).toBe(5);
    expect((v3.input.issuer as { place: string }).place).toBe("Bodø");
    // reloading shows the current version in the form
    await page.getByTestId("vm-stale-reload").click();
    await expect.poll(() => page.getByTestId("vm-f-issuer-place").inputValue()).toBe("Bodø");
    expect(await page.getByTestId("vm-f-subjects-0-standpunkt").inputValue()).toBe("5");
  });
});
