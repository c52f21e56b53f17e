/**
 * `bevis eksamen …` in-process (src/cli/testing.ts) on a PGlite data folder and on a PostgreSQL database, each seeded
 * with the exam demo data.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliTargets } from "../../cli/testing.ts";
import { createInstitution } from "../../platform/auth/directory.ts";
import type { Actor } from "../../platform/http/context.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { parseCompleted } from "./cli.ts";
import { DEMO_EKSAMEN, seedEksamenDemo } from "./demo.ts";
import * as service from "./service.ts";
import * as store from "./store.ts";

for (const t of cliTargets("bevis-eksamen-cli")) {
  describe(`bevis eksamen on ${t.kind}`, () => {
    const { dir, run } = t;
    let actor: Actor;
    beforeAll(async () => {
      const db = await t.open();
      const inst = await createInstitution(db.kysely, { code: DEMO_EKSAMEN.institutionCode, name: "Fjordby Gymnasium (test)", country: "DK" });
      actor = { userId: null, label: "test", institutionId: inst.id, roles: ["admin"], via: "cli" };
      await seedEksamenDemo(db, inst);
      await db.close();
    });
    afterAll(() => t.cleanup());

    it("assign-censors: nothing left to assign but the two exams § 27 bars; no progress bar off a terminal", async () => {
      const r = await run("--json", "eksamen", "assign-censors", "Sommer 2024");
      expect(r.code).toBe(0);
      const a = JSON.parse(r.out) as { assigned: unknown[]; unassigned: { subject: string; reason: string }[] };
      expect(a.assigned).toHaveLength(3);
      expect(a.unassigned.map((u) => u.subject).sort()).toEqual(["FYS", "MAT"]);
      expect(r.err).toBe("");
      expect((await run("eksamen", "assign-censors", "Vinter 1999")).code).toBe(1);
    });

    it("import-grades is all or nothing: a bad cell prints its finding and exits 1; the good file imports", async () => {
      const f = join(dir, "grades.csv");
      writeFileSync(f, `cpr;kind;subjectCode;level;part;grade;date;announcedOn\n${DEMO_EKSAMEN.examinees.noah.cpr};standpunkt;HIS;A;oral;7;2024-06-20;\n${DEMO_EKSAMEN.examinees.ida.cpr};standpunkt;HIS;A;oral;11;2024-06-20;\n`);
      const bad = await run("eksamen", "import-grades", f);
      expect(bad.code).toBe(1);
      expect(bad.err).toMatch(/line 3/);
      writeFileSync(f, readFileSync(f, "utf8").replace(";11;", ";12;"));
      const ok = await run("--json", "eksamen", "import-grades", f);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.out)).toMatchObject({ ok: true, imported: 2 });
    });

    it("diploma and export39", async () => {
      const d = await run("eksamen", "diploma", DEMO_EKSAMEN.examinees.mads.cpr);
      expect(d.code).toBe(0);
      expect(d.out).toMatch(/eksamensbevis/);
      expect(d.out).toMatch(/MAT A written\s+exam\s+10/);
      const out = join(dir, "e39.csv");
      const e = await run("eksamen", "export39", "--term", "Sommer 2024", "--out", out);
      expect(e.code).toBe(0);
      expect(readFileSync(out, "utf8").split(/\r?\n/)[0]).toBe("institutionsnummer;cpr;uddannelse;fag;niveau;del;kilde;karakter;indgaar");
      const c = await run("--json", "eksamen", "complaints");
      expect((JSON.parse(c.out) as { state: string }[]).map((x) => x.state)).toEqual(["comments"]);
    });

    it("leaver-document (§ 37): a leaver gets a prøvebevis and its PDF; a second original is refused citing § 36, nothing saved", async () => {
      const noah = DEMO_EKSAMEN.examinees.noah; // took the five exams of Sommer 2024; the demo has no leaver
      const leaver = (...more: string[]) => run("eksamen", "leaver-document", noah.cpr, "--kind", "proevebevis", ...more);
      const ledger = async () => {
        const db = await t.open();
        try {
          const e = (await store.getExamineeByCpr(store.eksKysely(db), actor.institutionId, noah.cpr))!;
          return { e, docs: (await service.listDocuments(db, actor, e.id)).map((d) => `${d.kind}/${d.copy}`).sort() };
        } finally {
          await db.close();
        }
      };

      // not left: refused citing § 37, in Danish with --lang da; nothing saved, no file written
      const notLeft = await leaver("--on", "2024-08-01", "--lang", "da", "--out", join(dir, "never.pdf"));
      expect(notLeft.code).toBe(1);
      expect(notLeft.err).toMatch(/error +leftOn: Eksaminanden har ikke forladt uddannelsen .*\[seed 002 § 37, stk\. 1\]/);
      expect(existsSync(join(dir, "never.pdf"))).toBe(false);
      expect((await ledger()).docs).toEqual([]);

      // Noah leaves (through the service, as the web page's examinee form would)
      const { e } = await ledger();
      const db = await t.open();
      try {
        await service.updateExaminee(db, actor, e.id, { name: e.name, education: e.education, coherent: e.coherent, programmeStart: e.programmeStart, selfStudy: e.selfStudy, repeatsYear: e.repeatsYear, leftOn: "2024-07-31", version: e.version, reason: "udmeldt" });
      } finally {
        await db.close();
      }

      const file = join(dir, "proevebevis.pdf");
      const ok = await run("--json", "eksamen", "leaver-document", noah.cpr, "--kind", "proevebevis", "--on", "2024-08-01", "--out", file);
      expect(ok.code, ok.err).toBe(0);
      const doc = JSON.parse(ok.out) as { ok: boolean; kind: string; copy: string; issuedOn: string; number: string; file: string };
      expect(doc).toMatchObject({ ok: true, kind: "proevebevis", copy: "original", issuedOn: "2024-08-01", file });
      const text = pdfText(readFileSync(file));
      expect(text).toContain("Prøvebevis");
      expect(text).toContain(noah.name);
      expect(text).toContain(doc.number);
      expect(text).toMatch(/Matematik/);

      // § 36: one original — refused with the §, exit 1, nothing saved and no file; --json gives the findings
      const again = await leaver("--on", "2024-08-02", "--out", join(dir, "again.pdf"));
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/\[seed 002 § 36, stk\. 1\]/);
      expect(existsSync(join(dir, "again.pdf"))).toBe(false);
      const j = await run("--json", "eksamen", "leaver-document", noah.cpr, "--kind", "proevebevis", "--on", "2024-08-02");
      expect(j.code).toBe(1);
      expect(JSON.parse(j.out.split("\n")[0]!)).toMatchObject({ ok: false, status: 422, findings: expect.arrayContaining([expect.objectContaining({ rule: "eksamen.document.one-original", cite: { seed: "002", ref: "§ 36, stk. 1" } })]) });
      expect((await ledger()).docs).toEqual(["proevebevis/original"]);

      // a copy when the original is lost; the deltagerbevis for a completed subject not drawn for an exam (human text, Danish)
      expect((await leaver("--copy", "copy", "--original-lost", "--on", "2024-09-01")).code).toBe(0);
      const d = await run("eksamen", "leaver-document", noah.cpr, "--kind", "deltagerbevis", "--completed", "his a", "--on", "2024-08-01", "--lang", "da");
      expect(d.code, d.err).toBe(0);
      expect(d.out).toMatch(/^udstedt deltagerbevis \(original\) nr\. \S+ den 2024-08-01$/m);
      // bad input: an unknown subject is refused by the service (422), a malformed --completed or --kind by the CLI (usage, exit 2)
      const unknown = await run("eksamen", "leaver-document", noah.cpr, "--kind", "deltagerbevis", "--completed", "XYZ", "--on", "2024-08-03");
      expect(unknown.code).toBe(1);
      expect(unknown.err).toMatch(/completed\[0\]\.subjectCode: .*XYZ/);
      expect((await run("eksamen", "leaver-document", noah.cpr, "--kind", "deltagerbevis", "--completed", "HIS Z", "--on", "2024-08-03")).code).toBe(2);
      expect((await run("eksamen", "leaver-document", noah.cpr, "--kind", "eksamensbevis", "--on", "2024-08-03")).code).not.toBe(0);
      expect((await ledger()).docs).toEqual(["deltagerbevis/original", "proevebevis/copy", "proevebevis/original"]);
    }, 300_000); // a dozen commands, each opening the database anew

    it("appeals and appeal <id> (§ 55): a case opened through the service is listed with its next deadline and shown with its clock and history", async () => {
      const ida = DEMO_EKSAMEN.examinees.ida;
      const db = await t.open();
      let id: string;
      try {
        const e = (await store.getExamineeByCpr(store.eksKysely(db), actor.institutionId, ida.cpr))!;
        const reg = (await service.getExaminee(db, actor, e.id)).registrations[0]!;
        const cc = await service.addCheatingCase(db, actor, { examineeId: e.id, examId: reg.examId, misconduct: { kind: "unauthorised-aids", when: "during" }, on: "2024-06-03", expelled: true });
        const ap = await service.openAppeal55(db, actor, { examineeId: e.id, decision: "expulsion", reference: { kind: "cheating-case", id: cc.id }, notifiedOn: "2024-06-03", filedOn: "2024-06-05", by: "examinee" });
        id = ap.id;
        // Monday 10 June 2024: the statement goes out; the comment week ends Monday 17 June (§ 55, stk. 3)
        await service.addAppeal55Event(db, actor, id, { seq: 1, actor: "institution", event: { type: "send-statement", on: "2024-06-10" } });
      } finally {
        await db.close();
      }

      const list = await run("eksamen", "appeals", "--on", "2024-06-12");
      expect(list.code, list.err).toBe(0);
      expect(list.out).toMatch(new RegExp(`^${ida.name} +expulsion \\(§ 20, stk\\. 1\\) +statement-sent +appeal-comments 2024-06-17 \\(§ 55, stk\\. 3\\) +${id}$`, "m"));
      const json = JSON.parse((await run("--json", "eksamen", "appeals", "--state", "statement-sent", "--on", "2024-06-12")).out) as { id: string; state: string; nextDeadline: { id: string; due: string; daysLeft: number } }[];
      expect(json).toEqual([expect.objectContaining({ id, state: "statement-sent", nextDeadline: expect.objectContaining({ id: "appeal-comments", due: "2024-06-17", daysLeft: 5 }) })]);
      expect((await run("eksamen", "appeals", "--state", "filed")).out.trim()).toBe("no § 55 cases");
      expect((await run("eksamen", "appeals", "--state", "lost")).code).not.toBe(0); // not a state: usage error

      const one = await run("eksamen", "appeal", id, "--on", "2024-06-12");
      expect(one.code, one.err).toBe(0);
      expect(one.out).toContain(`§ 55 case ${id} — ${ida.name}`);
      expect(one.out).toMatch(/^decision: +expulsion \(§ 20, stk\. 1\), decided 2024-06-03, notified 2024-06-03; cheating-case /m);
      expect(one.out).toMatch(/^state: +statement-sent, filed by examinee$/m);
      expect(one.out).toMatch(/^ {2}appeal +examinee +2024-06-17 hard +met +\(§ 55, stk\. 2\)$/m);
      expect(one.out).toMatch(/^ {2}appeal-comments +examinee +2024-06-17 hard +5 day\(s\) left +\(§ 55, stk\. 3\)$/m);
      expect(one.out).toMatch(/forward to the ministry from 2024-06-18 \(§ 55, stk\. 3\)/);
      expect(one.out).toMatch(/^next steps: .*comments-received \(examinee\/custody-holder, § 55, stk\. 3\)/m);
      expect(one.out).toMatch(/^ {3}1 +2024-06-05 +examinee +file /m);
      expect(one.out).toMatch(/^ {3}2 +2024-06-10 +institution +send-statement /m);
      expect(one.out).toMatch(/info +commentsDue: .*by 2024-06-17.*\[seed 002 § 55, stk\. 3\]/);
      // after the week, on the 19th: the comment deadline is overdue
      expect((await run("eksamen", "appeal", id, "--on", "2024-06-19")).out).toMatch(/appeal-comments .* overdue by 2 day\(s\)/);
      const j = JSON.parse((await run("--json", "eksamen", "appeal", id, "--on", "2024-06-12")).out) as { case: { state: string }; events: { event: { type: string } }[]; deadlines: { id: string; status: string }[] };
      expect(j.case.state).toBe("statement-sent");
      expect(j.events.map((e) => e.event.type)).toEqual(["file", "send-statement"]);
      expect(j.deadlines.find((d) => d.id === "appeal-comments")?.status).toBe("open");

      // an unknown case is a 404, a bad date a refusal: exit 1 either way
      const missing = await run("eksamen", "appeal", "00000000-0000-4000-8000-000000000000");
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/not found|appeal/i);
      expect((await run("eksamen", "appeal", id, "--on", "2024-13-01")).code).toBe(1);
    }, 300_000);
  });
}

describe("parseCompleted", () => {
  it.each([
    [undefined, []],
    ["MAT A,DAN A", [{ subjectCode: "MAT", level: "A" }, { subjectCode: "DAN", level: "A" }]],
    [" his b , eng ", [{ subjectCode: "HIS", level: "B" }, { subjectCode: "ENG" }]],
  ])("%s", (text, want) => expect(parseCompleted(text)).toEqual(want));
  it.each(["MAT D", "MAT A B"])("refuses %s (exit 2)", (text) => expect(() => parseCompleted(text)).toThrow(/--completed/));
});
