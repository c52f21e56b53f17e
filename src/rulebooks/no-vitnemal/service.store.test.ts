/**
 * The vitnemål shell on both databases: cases with versions (409 when stale), preview with why per line, issuing
 * (numbers never reused, refused with findings and nothing stored), cancel, duplicate, PDF read back, NVB export,
 * append-only tables, and another institution seeing nothing (404).
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { platformMigrations } from "../../platform/db/migrations/index.ts";
import { testTargets, type TestTarget } from "../../platform/db/testing.ts";
import type { Actor } from "../../platform/http/context.ts";
import type { Role } from "../../platform/db/schema.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { demoCases, demoFnr, vg1Case, vitnemalCase } from "./demo.ts";
import { vitnemalMigrations } from "./migrations.ts";
import { parseNvbLine } from "./nvb.ts";
import * as service from "./service.ts";
import { lastSerial, vitnemalKysely } from "./store.ts";

type OpenDb = Awaited<ReturnType<TestTarget["open"]>>;

async function institution(db: OpenDb, code: string): Promise<string> {
  const id = crypto.randomUUID();
  await db.kysely.insertInto("institution").values({ id, code, name: `Skole ${code}`, country: "NO" }).execute();
  return id;
}

const actorOf = (institutionId: string, roles: Role[] = ["tap"], label = "radgiver@a.no"): Actor => ({ userId: null, label, institutionId, roles, via: "cli" });

for (const target of testTargets()) {
  describe(`vitnemål service on ${target.kind}`, () => {
    let db: OpenDb;
    let a: Actor;
    let b: Actor;
    beforeAll(async () => {
      db = await target.open({ ...platformMigrations, ...vitnemalMigrations });
      a = actorOf(await institution(db, "921234562"));
      b = actorOf(await institution(db, "974760673"), ["tap"], "radgiver@b.no");
    });
    afterAll(async () => {
      await db?.drop();
    });

    it("registers a case, corrects it with history (who/why), refuses a stale version (409) and masks the fødselsnummer in lists", async () => {
      const fnr = demoFnr("150306", 3);
      const d1 = await service.createCase(db, a, vitnemalCase("Kari Versjon", fnr));
      expect(d1.version).toBe(1);
      const d2 = await service.correctCase(db, a, d1.id, { input: vitnemalCase("Kari Versjon Nordmann", fnr), version: 1, reason: "navn rettet" });
      expect(d2.version).toBe(2);
      expect(d2.history.map((h) => [h.version, h.reason, h.supersededBy])).toEqual([
        [1, "registered", "radgiver@a.no"],
        [2, "navn rettet", null],
      ]);
      await expect(service.correctCase(db, a, d1.id, { input: vitnemalCase("Sent", fnr), version: 1, reason: "sent" })).rejects.toMatchObject({ status: 409 });
      const list = await service.listCases(db, a);
      const row = list.items.find((r) => r.id === d1.id)!;
      expect(row.fnrMasked).toBe(`${fnr.slice(0, 6)}xxxxx`);
      expect(JSON.stringify(list)).not.toContain(fnr);
      // the versions are append-only
      await expect(sql`update vitnemal_case_version set name = 'x' where case_id = ${d1.id}`.execute(db.kysely)).rejects.toThrow();
    });

    it("refuses a malformed case with 422 (bad fødselsnummer) and a reader (no write role) with 403", async () => {
      await expect(service.createCase(db, a, vitnemalCase("Feil", "15030612345"))).rejects.toMatchObject({ status: 422 });
      await expect(service.createCase(db, actorOf(a.institutionId, []), vitnemalCase())).rejects.toMatchObject({ status: 403 });
    });

    it("previews a vitnemål: issuable, every line with its sections", async () => {
      const d = await service.createCase(db, a, vitnemalCase("Per Preview", demoFnr("150306", 4)));
      const p = await service.previewCase(db, a, d.id, { on: "2025-06-20" });
      expect(p.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect([p.kind, p.forstegang, p.issuable]).toEqual(["vitnemal", true, true]);
      const eng = p.lines.find((l) => l.part === "subject" && l.text.includes("ENG1007"))!;
      expect(eng.sections).toEqual(expect.arrayContaining(["2.5", "2.6"]));
      expect(p.lines.find((l) => l.part === "merknad")?.text).toBe("Førstegangsvitnemål");
      expect(p.lines.every((l) => l.sections.length > 0 && l.why.nb !== "")).toBe(true);
      // the fødselsnummer is masked in the preview
      expect(JSON.stringify(p.lines)).not.toContain(demoFnr("150306", 4));
    });

    it("issue → number → cancel → issue again: a new number, never reused; the PDF reads back", async () => {
      const d = await service.createCase(db, a, vitnemalCase("Nina Nummer", demoFnr("150306", 5)));
      const r1 = await service.issueCase(db, a, d.id, { on: "2025-06-20" });
      expect(r1.number).toBe("V92123456220250001");
      expect(r1.kind).toBe("vitnemal");
      const pdf = await service.downloadPdf(db, a, r1.number);
      const text = pdfText(pdf.pdf);
      expect(text).toContain("VITNEMÅL");
      expect(text).toContain("Nina Nummer");
      expect(text).toContain(r1.number);
      expect(text).toMatch(/ENG1007/);
      await service.cancelDocument(db, a, r1.number, { reason: "FEI", comment: "feilregistrert", on: "2025-06-21" });
      await expect(service.cancelDocument(db, a, r1.number, { reason: "FEI", on: "2025-06-21" })).rejects.toMatchObject({ status: 422 });
      const r2 = await service.issueCase(db, a, d.id, { on: "2025-06-22" });
      expect(r2.number).toBe("V92123456220250002");
      expect(r2.cancelled).toBeNull();
      expect(await lastSerial(vitnemalKysely(db), a.institutionId, "V", 2025)).toBe(2);
      // issuing the same case again is a change: a new number, the valid one cancelled (§2.8)
      const r3 = await service.issueCase(db, a, d.id, { on: "2025-06-23", cancelReason: "KLA" });
      expect([r3.number, r3.cancelled]).toEqual(["V92123456220250003", "V92123456220250002"]);
      const docs = await service.listDocuments(db, a);
      expect(docs.filter((x) => x.caseId === d.id).map((x) => [x.number, x.status])).toEqual([
        ["V92123456220250003", "issued"],
        ["V92123456220250002", "cancelled"],
        ["V92123456220250001", "cancelled"],
      ]);
      // the log is append-only
      await expect(sql`delete from vitnemal_issuance where number = ${r1.number}`.execute(db.kysely)).rejects.toThrow();
      const audits = await db.kysely.selectFrom("audit_log").select("action").where("institution_id", "=", a.institutionId).where("entity_id", "in", [r1.number, r2.number, r3.number]).execute();
      expect(audits.map((x) => x.action).sort()).toEqual(
        ["vitnemal.document.cancel", "vitnemal.document.change", "vitnemal.document.download", "vitnemal.document.issue", "vitnemal.document.issue"].sort(),
      );
    });

    it("refuses to issue with the findings (§5.6 orden og adferd missing) and stores nothing", async () => {
      const blocked = demoCases().find((c) => c.key === "blocked")!.input;
      const d = await service.createCase(db, a, { ...blocked, person: { ...blocked.person, fnr: demoFnr("020806", 3) } });
      expect(d.preview.issuable).toBe(false);
      const before = await db.kysely.selectFrom("vitnemal_issuance" as never).select(sql<number>`count(*)`.as("n")).executeTakeFirst();
      const e = await service.issueCase(db, a, d.id, { on: "2025-06-20" }).catch((x: unknown) => x);
      expect(e).toMatchObject({ status: 422 });
      const findings = (e as { findings: { cite: { ref: string }; severity: string }[] }).findings;
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.severity === "error")).toBe(true);
      expect(findings.map((f) => f.cite.ref)).toContain("5.6");
      const after = await db.kysely.selectFrom("vitnemal_issuance" as never).select(sql<number>`count(*)`.as("n")).executeTakeFirst();
      expect(Number(after?.n)).toBe(Number(before?.n));
      expect((await service.getCase(db, a, d.id)).documents).toEqual([]);
    });

    it("§6.3 the issue's pupil: IM + FAM39 → a kompetansebevis, duplicated (way 2 same number, way 3 new number)", async () => {
      const d = await service.createCase(db, a, vg1Case("Jonas Fravær", demoFnr("110107", 4), true));
      const p = await service.previewCase(db, a, d.id, { on: "2023-06-20" });
      expect(p.kind).toBe("kompetansebevis");
      const eng = p.lines.find((l) => l.part === "subject" && l.text.includes("ENG1007"))!;
      expect(eng.text).toMatch(/IM/);
      expect(eng.sections).toContain("6.3");
      const r = await service.issueCase(db, a, d.id, { on: "2023-06-20" });
      expect(r.number).toMatch(/^K9212345622023\d{4}$/);
      const text = pdfText((await service.downloadPdf(db, a, r.number)).pdf);
      expect(text).toContain("KOMPETANSEBEVIS");
      expect(text).toContain("Dokumentert fravær");
      const dup2 = await service.duplicateDocument(db, a, r.number, { way: 2, signatory: "Rolf Rektor", on: "2024-01-10" });
      expect(dup2.number).toBe(r.number);
      expect(pdfText((await service.downloadPdf(db, a, r.number)).pdf)).toMatch(/DUPLIKAT/i);
      const dup3 = await service.duplicateDocument(db, a, r.number, { way: 3, signatory: "Rolf Rektor", on: "2024-01-11" });
      expect(dup3.number).not.toBe(r.number);
      expect(dup3.number).toMatch(/^K9212345622024\d{4}$/);
    });

    it("numbers run on across people (the partial log of one person still sees every used number) and a second førstegangsvitnemål for the same person is refused", async () => {
      const fnr = demoFnr("150306", 9);
      const x = await service.createCase(db, a, vitnemalCase("Frida Først", fnr));
      const y = await service.createCase(db, a, vitnemalCase("Frida Først", fnr));
      const z = await service.createCase(db, a, vitnemalCase("Geir Gjest", demoFnr("150306", 10)));
      const before = await lastSerial(vitnemalKysely(db), a.institutionId, "V", 2025);
      const rx = await service.issueCase(db, a, x.id, { on: "2025-06-24" });
      const rz = await service.issueCase(db, a, z.id, { on: "2025-06-24" });
      expect([rx.number, rz.number]).toEqual([`V9212345622025${String(before + 1).padStart(4, "0")}`, `V9212345622025${String(before + 2).padStart(4, "0")}`]);
      const e = await service.issueCase(db, a, y.id, { on: "2025-06-24" }).catch((err: unknown) => err);
      expect(e).toMatchObject({ status: 422 });
      expect(JSON.stringify((e as { findings: unknown }).findings)).toContain("vitnemal.issue.forstegang-twice");
      expect(await lastSerial(vitnemalKysely(db), a.institutionId, "V", 2025)).toBe(before + 2);
    });

    it("§2.12 a new document with the new fødselsnummer after a change of legal gender; the original cancelled", async () => {
      const d = await service.createCase(db, a, vitnemalCase("Alex Ny", demoFnr("150306", 7)));
      const r = await service.issueCase(db, a, d.id, { on: "2025-06-20" });
      const newFnr = demoFnr("150306", 8);
      const n = await service.reissueDocument(db, a, r.number, { newFodselsnummer: newFnr, on: "2025-09-01" });
      expect(n.number).not.toBe(r.number);
      expect(n.cancelled).toBe(r.number);
      const text = pdfText((await service.downloadPdf(db, a, n.number)).pdf);
      expect(text).toContain(newFnr);
      expect(text).not.toMatch(/DUPLIKAT/i);
      const docs = await service.listDocuments(db, a);
      expect(docs.find((x) => x.number === r.number)?.status).toBe("cancelled");
      await expect(service.reissueDocument(db, a, n.number, { newFodselsnummer: newFnr })).rejects.toMatchObject({ status: 422 });
      await expect(service.reissueDocument(db, b, n.number, { newFodselsnummer: newFnr })).rejects.toMatchObject({ status: 404 });
    });

    it("exports the school year's documents and cancellations to NVB (audited)", async () => {
      const x = await service.exportNvb(db, a, { schoolYear: "2024/25", schoolNumber: "99001" });
      const recs = x.file.split("\n").filter((l) => l).map(parseNvbLine);
      expect(recs[0]!.tag).toBe("A");
      expect(recs[0]!.fields.slice(0, 2)).toEqual(["921234562", "99001"]);
      expect(recs.filter((r) => r.tag === "V").length).toBe(x.documents);
      expect(recs.filter((r) => r.tag === "D").map((r) => r.fields[0])).toContain("V92123456220250001");
      expect(x.cancellations).toBeGreaterThanOrEqual(2);
      const audit = await db.kysely.selectFrom("audit_log").select("action").where("action", "=", "vitnemal.nvb.export").where("institution_id", "=", a.institutionId).execute();
      expect(audit.length).toBe(1);
      await expect(service.exportNvb(db, a, { schoolYear: "2024" })).rejects.toMatchObject({ status: 422 });
    });

    it("another institution sees nothing: 404 for the case, the document, its PDF, cancel and duplicate", async () => {
      const d = await service.createCase(db, a, vg1Case("Ola Annen", demoFnr("230407", 5), true));
      const r = await service.issueCase(db, a, d.id, { on: "2023-06-21" });
      await expect(service.getCase(db, b, d.id)).rejects.toMatchObject({ status: 404 });
      await expect(service.previewCase(db, b, d.id)).rejects.toMatchObject({ status: 404 });
      await expect(service.issueCase(db, b, d.id)).rejects.toMatchObject({ status: 404 });
      await expect(service.correctCase(db, b, d.id, { input: vg1Case("X", demoFnr("230407", 5), true), version: 1, reason: "x" })).rejects.toMatchObject({ status: 404 });
      await expect(service.downloadPdf(db, b, r.number)).rejects.toMatchObject({ status: 404 });
      await expect(service.cancelDocument(db, b, r.number, { reason: "FEI" })).rejects.toMatchObject({ status: 404 });
      await expect(service.duplicateDocument(db, b, r.number, { way: 2, signatory: "x" })).rejects.toMatchObject({ status: 404 });
      expect((await service.listCases(db, b)).total).toBe(0);
      expect(await service.listDocuments(db, b)).toEqual([]);
    });

    it("issue-all for a year issues every case without a document and reports the refused ones", async () => {
      const c = actorOf(await institution(db, "983971636"));
      for (const x of demoCases()) await service.createCase(db, c, x.input);
      const seen: number[] = [];
      const r = await service.issueAll(db, c, { year: 2025, on: "2025-06-20", onProgress: (done) => seen.push(done) });
      expect(r.issued.length).toBe(1);
      expect(r.refused.map((x) => x.name)).toEqual(["Sara Demo"]);
      expect(seen).toEqual([1, 2]);
      const again = await service.issueAll(db, c, { year: 2025, on: "2025-06-20" });
      expect(again.issued).toEqual([]);
    });

    it("issue-all over more than one transaction: consecutive numbers, a second førstegangsvitnemål in the same chunk refused, each PDF handed out as downloadPdf prints it", async () => {
      const c = actorOf(await institution(db, "995525232"));
      // birth dates over a year, one individnummer each: 102 people, names in issue order
      const fnrs = Array.from({ length: 102 }, (_, i) => {
        const d = new Date(Date.UTC(2006, 0, 1 + i));
        return demoFnr(`${String(d.getUTCDate()).padStart(2, "0")}${String(d.getUTCMonth() + 1).padStart(2, "0")}06`, 0);
      });
      for (const [i, fnr] of fnrs.entries()) await service.createCase(db, c, vitnemalCase(`Elev ${String(i).padStart(3, "0")} Chunk`, fnr));
      // the same person again (after «Elev 000 Chunk» in name order, in the same transaction)
      await service.createCase(db, c, vitnemalCase("Elev 000b Chunk", fnrs[0]!));
      const handed: { number: string; fileName: string; bytes: number }[] = [];
      const kept: Record<string, Buffer> = {};
      const r = await service.issueAll(db, c, {
        year: 2025,
        on: "2025-06-20",
        pdf: (d) => {
          handed.push({ number: d.number, fileName: d.fileName, bytes: d.pdf.length });
          if (handed.length === 1 || handed.length === 102) kept[d.number] = d.pdf;
        },
      });
      const want = Array.from({ length: 102 }, (_, i) => `V99552523220250${String(i + 1).padStart(3, "0")}`);
      expect(r.issued.map((x) => x.number)).toEqual(want);
      expect(r.refused.map((x) => x.name)).toEqual(["Elev 000b Chunk"]);
      expect(JSON.stringify(r.refused[0]!.findings)).toContain("vitnemal.issue.forstegang-twice");
      expect(handed.map((h) => h.number)).toEqual(want);
      expect(handed[0]!.fileName).toBe(`vitnemal-${want[0]}.pdf`);
      for (const n of [want[0]!, want[101]!]) {
        expect((await service.downloadPdf(db, c, n)).pdf.equals(kept[n]!)).toBe(true);
        expect(pdfText(kept[n]!)).toContain(n);
      }
      expect(await lastSerial(vitnemalKysely(db), c.institutionId, "V", 2025)).toBe(102);
      const audits = await db.kysely.selectFrom("audit_log").select(["action", "detail"]).where("institution_id", "=", c.institutionId).execute();
      expect(audits.filter((x) => x.action === "vitnemal.document.issue")).toHaveLength(102);
      expect(audits.find((x) => x.action === "vitnemal.batch.pdf")?.detail).toMatchObject({ documents: 102, year: 2025 });
    });
  });
}
