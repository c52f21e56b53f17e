/**
 * Seed 002 reference data and censors in a real Chromium against the real server (`bevis serve --demo`, PGlite, the
 * built web app; web/src/eksamen/catalogue.tsx and censors.tsx).
 *
 * As the demo TAP (a write role): a new subject is created and listed; the same code again (in lower case — the
 * server keeps codes in capitals) is refused with 409 `eksamen.subject.exists`, the finding shown beside the code
 * field, and after a reload the list still holds the subject once. A teacher with a blank name is refused beside the
 * name field (422 `eksamen.input.teacher-name`); a teacher is created and a team with that teacher
 * and an examinee in the demo term is created and listed. A censor's page shows the demo's censorship history
 * (Mette Mortensen censored Peter Holm on 2023-06-14, the record that keeps her from his exams under § 27); an
 * earlier censorship at another institution is recorded through the form and is listed, also after a reload. A
 * lærer (read role) sees the lists without the create forms.
 */
import { describe, expect, test } from "vitest";
import { demoUser, login, newPage, serverAndBrowser } from "./harness.ts";

const e2e = serverAndBrowser();

describe("eksamen reference data and censors (seed 002) in the browser", () => {
  test("tap: a subject is created, a duplicate code is refused beside the field (409) and not saved; a team with a teacher and an examinee is created", async () => {
    const tap = demoUser("tap@fjordby-gym.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, tap.email, tap.password);
      await page.goto("/eksamen");
      await page.getByTestId("nav-eksamen-catalogue").click();
      await page.getByTestId("ek-subjects").waitFor();
      const rows = page.getByTestId("ek-subject-row");
      expect(await page.locator('[data-testid="ek-subject-row"][data-code="DAN"]').count()).toBe(1);
      expect(await page.locator('[data-testid="ek-subject-row"][data-code="GEO"]').count()).toBe(0);
      const before = await rows.count();

      // create GEO
      await page.getByTestId("ek-subject-code").fill("GEO");
      await page.getByTestId("ek-subject-name-da").fill("Geografi");
      await page.getByTestId("ek-subject-name-en").fill("Geography");
      await page.getByTestId("ek-subject-create").click();
      await page.getByTestId("ek-subject-created").waitFor();
      const geo = page.locator('[data-testid="ek-subject-row"][data-code="GEO"]');
      await geo.waitFor();
      expect(await geo.textContent()).toContain("Geografi");
      expect(await rows.count()).toBe(before + 1);

      // the same code again, in lower case: 409 eksamen.subject.exists beside the code field, nothing saved
      await page.getByTestId("ek-subject-code").fill("geo");
      await page.getByTestId("ek-subject-name-da").fill("Geografi igen");
      await page.getByTestId("ek-subject-create").click();
      const codeFinding = page.getByTestId("ek-new-subject").getByTestId("findings-code").getByTestId("finding");
      await codeFinding.first().waitFor();
      expect(await codeFinding.first().getAttribute("data-rule")).toBe("eksamen.subject.exists");
      expect(await page.getByTestId("ek-new-subject").getByTestId("field-code").getAttribute("class")).toContain("field-error");
      expect(await page.getByTestId("ek-subject-created").count()).toBe(0);
      await page.reload();
      await page.getByTestId("ek-subjects").waitFor();
      expect(await page.locator('[data-testid="ek-subject-row"][data-code="GEO"]').count()).toBe(1);
      expect(await rows.count()).toBe(before + 1);
      expect(await page.getByTestId("ek-subjects").textContent()).not.toContain("Geografi igen");

      // a teacher
      await page.getByTestId("ek-cat-teachers").click();
      await page.getByTestId("ek-teachers").waitFor();
      const teachersBefore = await page.getByTestId("ek-teacher-row").count();
      // a blank name (spaces pass the browser's `required`) is refused by the server beside the name field
      await page.getByTestId("ek-teacher-name").fill("   ");
      await page.getByTestId("ek-teacher-initials").fill("XX");
      await page.getByTestId("ek-teacher-create").click();
      const nameFinding = page.getByTestId("ek-new-teacher").getByTestId("findings-name").getByTestId("finding");
      await nameFinding.first().waitFor();
      expect(await nameFinding.first().getAttribute("data-rule")).toBe("eksamen.input.teacher-name");
      expect(await page.getByTestId("ek-teacher-row").count()).toBe(teachersBefore);
      await page.getByTestId("ek-teacher-name").fill("Tina Testesen");
      await page.getByTestId("ek-teacher-initials").fill("tt");
      await page.getByTestId("ek-teacher-create").click();
      const tt = page.locator('[data-testid="ek-teacher-row"][data-initials="TT"]');
      await tt.waitFor();
      expect(await tt.getAttribute("data-name")).toBe("Tina Testesen");
      expect(await page.getByTestId("ek-teacher-row").count()).toBe(teachersBefore + 1);
      expect(await page.getByTestId("ek-new-teacher").getByTestId("findings-name").count()).toBe(0);

      // a team in the demo term: GEO B, the new teacher, Emma Eksempel
      await page.getByTestId("ek-cat-teams").click();
      await page.getByTestId("ek-new-team").waitFor();
      await page.getByTestId("ek-team-term").selectOption({ label: "Sommer 2024" });
      await page.getByTestId("ek-team-name").fill("3g Geografi");
      await page.getByTestId("ek-team-subject").selectOption("GEO");
      await page.getByTestId("ek-team-level").selectOption("B");
      await page.locator('[data-testid="ek-team-teachers-item"][data-label="Tina Testesen (TT)"]').check();
      await page.locator('[data-testid="ek-team-examinees-item"][data-label="Emma Eksempel"]').check();
      await page.getByTestId("ek-team-create").click();
      await page.getByTestId("ek-team-created").waitFor();
      const team = page.locator('[data-testid="ek-team-row"][data-name="3g Geografi"]');
      await team.waitFor();
      expect(await team.getAttribute("data-subject")).toBe("GEO");
      expect(await team.getAttribute("data-level")).toBe("B");
      expect(await team.getAttribute("data-teachers")).toBe("1");
      expect(await team.getAttribute("data-examinees")).toBe("1");
      expect(await team.getByTestId("ek-team-teachers-cell").textContent()).toContain("TT");
      expect(await team.getByTestId("ek-team-examinees-cell").textContent()).toContain("Emma Eksempel");
      expect(await team.textContent()).toContain("Sommer 2024");

      // filtered by the term after a reload, the team is still there
      await page.reload();
      await page.getByTestId("ek-teams-term").selectOption({ label: "Sommer 2024" });
      await page.locator('[data-testid="ek-team-row"][data-name="3g Geografi"]').waitFor();
    } finally {
      await context.close();
    }
  });

  test("tap: a censor's page shows the § 27 history; an earlier censorship elsewhere is recorded and listed; a lærer sees no create forms", async () => {
    const tap = demoUser("tap@fjordby-gym.example");
    const { context, page } = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(page, tap.email, tap.password);
      await page.goto("/eksamen/censors");
      const mette = page.getByTestId("ek-censor-row").filter({ hasText: "Mette Mortensen" });
      await mette.getByTestId("ek-censor-link").click();
      await page.getByTestId("ek-censor-title").filter({ hasText: "Mette Mortensen" }).waitFor();
      expect(page.url()).toMatch(/\/eksamen\/censors\/[0-9a-f-]{36}$/);
      expect(await page.getByTestId("ek-censor-employed-at").textContent()).toContain("280002");
      expect(await page.getByTestId("ek-censor-capacity-at").textContent()).toBe("4");
      // the demo's record: Mette censored Peter Holm on 2023-06-14 (§ 27 keeps her from his exams)
      const demoRecord = page.locator('[data-testid="ek-censor-history-row"][data-date="2023-06-14"]');
      await demoRecord.waitFor();
      expect(await demoRecord.textContent()).toContain("Peter Holm");

      // record an earlier censorship at another institution
      await page.getByTestId("ek-censor-history-date").fill("2025-06-10");
      await page.getByTestId("ek-censor-history-institution").fill("280009");
      await page.locator('[data-testid="ek-censor-history-examiner"][data-initials="KK"]').check();
      await page.getByTestId("ek-censor-history-submit").click();
      await page.getByTestId("ek-censor-history-added").waitFor();
      const added = page.locator('[data-testid="ek-censor-history-row"][data-date="2025-06-10"][data-institution="280009"]');
      await added.waitFor();
      expect(await added.textContent()).toContain("Karen Kristensen");
      await page.reload();
      await page.locator('[data-testid="ek-censor-history-row"][data-date="2025-06-10"][data-institution="280009"]').waitFor();
      expect(await page.getByTestId("ek-censor-history-row").count()).toBeGreaterThanOrEqual(2);
    } finally {
      await context.close();
    }

    const laerer = demoUser("laerer@fjordby-gym.example");
    const r = await newPage(e2e.browser, e2e.server.url);
    try {
      await login(r.page, laerer.email, laerer.password);
      await r.page.goto("/eksamen/subjects");
      await r.page.getByTestId("ek-subjects").waitFor();
      expect(await r.page.getByTestId("ek-new-subject").count()).toBe(0);
      await r.page.goto("/eksamen/censors");
      await r.page.getByTestId("ek-censor-row").filter({ hasText: "Mette Mortensen" }).getByTestId("ek-censor-link").click();
      await r.page.getByTestId("ek-censor-history").waitFor();
      expect(await r.page.getByTestId("ek-censor-history-form").count()).toBe(0);
    } finally {
      await r.context.close();
    }
  });
});
