import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fodselsnummerFor } from "../../kernel/ids/testing.ts";
import {
  append,
  cancel,
  change,
  documents,
  duplicate,
  issue,
  printable,
  reissueAfterGenderChange,
  usedNumbers,
  type IssuanceEvent,
  type IssuanceLog,
  type Outcome,
} from "./issuance.ts";
import { arrangeDocument } from "./layout.ts";
import { sampleKompetansebevis, sampleVitnemal, subject } from "./layout.test-helpers.ts";
import type { Decision } from "../../kernel/law.ts";

const by = "Siri Sekretær";
const ok = (d: Decision<Outcome | null>): Outcome => {
  expect(d.because.filter((f) => f.severity === "error")).toEqual([]);
  expect(d.value).not.toBeNull();
  return d.value!;
};
const run = (log: IssuanceLog, d: Decision<Outcome | null>): [IssuanceLog, Outcome] => {
  const o = ok(d);
  return [append(log, o.events), o];
};

/** A log with one førstegangsvitnemål V…0001 and one kompetansebevis K…0001. */
function seeded(): IssuanceLog {
  let log: IssuanceLog = [];
  [log] = run(log, issue(log, sampleVitnemal(), { on: "2025-06-20", by }));
  [log] = run(log, issue(log, sampleKompetansebevis(), { on: "2025-06-20", by }));
  return log;
}

describe("issue (§2.8)", () => {
  it("gives the next number and the issue date, and records the document as issued", () => {
    const log = seeded();
    expect(log.map((e) => [e.type, e.number])).toEqual([
      ["issued", "V97456781420250001"],
      ["issued", "K97456781420250001"],
    ]);
    const first = log[0]!;
    expect(first.type === "issued" && first.document.documentNumber).toBe("V97456781420250001");
    expect(first.type === "issued" && first.document.issuedOn).toBe("2025-06-20");
  });

  it("refuses a document whose layout breaks §2 (nothing is issued)", () => {
    const d = issue([], sampleVitnemal({ subjects: [subject("ENG1003"), subject("ENG1003")] }), { on: "2025-06-20", by });
    expect(d.value).toBeNull();
    expect(d.because.map((f) => f.rule)).toContain("vitnemal.layout.fagkode.twice");
  });

  it("§1.2/§2.11 one valid førstegangsvitnemål per person: a second is refused until the first is cancelled", () => {
    let log = seeded();
    const again = issue(log, sampleVitnemal(), { on: "2025-08-01", by });
    expect(again.value).toBeNull();
    expect(again.because.map((f) => [f.rule, f.value])).toEqual([["vitnemal.issue.forstegang-twice", "V97456781420250001"]]);
    expect(issue(log, sampleVitnemal({ forstegangs: false, merknader: [] }), { on: "2025-08-01", by }).value).not.toBeNull();
    log = append(log, [cancel(log, "V97456781420250001", { on: "2025-08-01", by, reason: "FEI" }).value!]);
    expect(issue(log, sampleVitnemal(), { on: "2025-08-02", by }).value!.print.documentNumber).toBe("V97456781420250002");
  });

  it("refuses an invalid date and an issuer without a valid orgnr", () => {
    expect(issue([], sampleVitnemal(), { on: "2025-13-01", by }).because.map((f) => f.rule)).toEqual(["vitnemal.issue.date"]);
    expect(
      issue([], sampleVitnemal({ issuer: { orgnr: "123", name: "x", place: "y" } }), { on: "2025-06-20", by }).because.map((f) => f.rule),
    ).toContain("vitnemal.number.orgnr");
  });

  it("the log is append-only: append returns a new frozen log and checks the sequence", () => {
    const log = seeded();
    expect(Object.isFrozen(log)).toBe(true);
    expect(Object.isFrozen(log[0])).toBe(true);
    const e = log[0]!;
    expect(() => append(log, [{ ...e, seq: 7 } as IssuanceEvent])).toThrow(/seq/);
  });
});

describe("change: a new document and number, the old one cancelled (§2.8)", () => {
  it("issues V…0002 and cancels V…0001 with reason and replacement", () => {
    const log0 = seeded();
    const changed = sampleVitnemal({ subjects: [...sampleVitnemal().subjects.slice(1), subject("REA3024", { fagtype: "VP", standpunkt: 5, eksamen: 5, eksamensform: "S" })] });
    const [log, out] = run(log0, change(log0, "V97456781420250001", changed, { on: "2025-09-01", by, reason: "KLA", comment: "Ny karakter etter klage" }));
    expect(out.print.documentNumber).toBe("V97456781420250002");
    expect(out.print.issuedOn).toBe("2025-09-01");
    const docs = documents(log);
    expect(docs.get("V97456781420250001")!.status).toBe("cancelled");
    expect(docs.get("V97456781420250001")!.cancelled).toMatchObject({ reason: "KLA", replacedBy: "V97456781420250002", on: "2025-09-01" });
    expect(docs.get("V97456781420250002")!.issued).toMatchObject({ reason: "change", replaces: "V97456781420250001" });
  });

  it("a cancelled document can be neither changed, duplicated nor cancelled again", () => {
    let log = seeded();
    log = append(log, [cancel(log, "K97456781420250001", { on: "2025-07-01", by, reason: "FEI" }).value!]);
    expect(change(log, "K97456781420250001", sampleKompetansebevis(), { on: "2025-08-01", by, reason: "FEI" }).because.map((f) => f.rule)).toEqual([
      "vitnemal.issue.cancelled",
    ]);
    expect(duplicate(log, { way: 2, number: "K97456781420250001", on: "2025-08-01", place: "Bergen", signatory: "Ola", by }).value).toBeNull();
    expect(cancel(log, "K97456781420250001", { on: "2025-08-01", by, reason: "FEI" }).value).toBeNull();
    expect(cancel(log, "V00000000020250001", { on: "2025-08-01", by, reason: "FEI" }).because.map((f) => f.rule)).toEqual(["vitnemal.issue.unknown"]);
  });

  it("§1.10 no. 2: another issuer is allowed with a warning", () => {
    const log = seeded();
    const d = change(log, "V97456781420250001", sampleVitnemal({ issuer: { orgnr: "842872022", name: "Vestland fylkeskommune", place: "Bergen" } }), {
      on: "2026-01-10",
      by,
      reason: "ANN",
    });
    expect(d.value!.print.documentNumber).toBe("V84287202220260001");
    expect(d.because.map((f) => [f.rule, f.severity])).toContainEqual(["vitnemal.issue.other-issuer", "warning"]);
  });

  // not førstegangsvitnemål: a person may hold several ordinary documents
  const plain = () => sampleVitnemal({ forstegangs: false, merknader: [] });
  it("property: after any sequence of issues and changes every number is distinct and at most one per chain is valid", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("issue", "change"), { minLength: 1, maxLength: 25 }), (ops) => {
        let log: IssuanceLog = [];
        for (const op of ops) {
          const valid = [...documents(log).values()].filter((d) => d.status === "valid");
          const d =
            op === "change" && valid.length > 0
              ? change(log, valid[0]!.number, plain(), { on: "2025-10-01", by, reason: "FEI" })
              : issue(log, plain(), { on: "2025-10-01", by });
          log = append(log, d.value!.events);
        }
        const nums = usedNumbers(log);
        expect(new Set(nums).size).toBe(nums.length);
        const issues = ops.filter((o, i) => o === "issue" || i === 0).length;
        const validCount = [...documents(log).values()].filter((d) => d.status === "valid").length;
        expect(validCount).toBeLessThanOrEqual(issues);
        for (const d of documents(log).values()) if (d.status === "cancelled") expect(documents(log).has(d.cancelled!.replacedBy!)).toBe(true);
      }),
    );
  });
});

describe("§2.11 duplicates", () => {
  it("way 2: same number, marked DUPLIKAT, new date and signature, otherwise identical", () => {
    const log0 = seeded();
    const [log, out] = run(log0, duplicate(log0, { way: 2, number: "V97456781420250001", on: "2027-03-01", place: "Bergen", signatory: "Ola Rektor", by }));
    expect(out.events.map((e) => e.type)).toEqual(["duplicated"]);
    expect(out.print.documentNumber).toBe("V97456781420250001");
    const shown = arrangeDocument(out.print).value;
    const original = arrangeDocument(documents(log).get("V97456781420250001")!.issued.document).value;
    expect(shown.duplicate).toEqual({ mark: "DUPLIKAT", line: "Duplikat utstedt Bergen, 01.03.2027", signatory: "Ola Rektor" });
    expect({ ...shown, duplicate: null }).toEqual(original);
    expect(documents(log).get("V97456781420250001")!.status).toBe("valid");
    expect(printable(log, "V97456781420250001")!.duplicate?.issuedOn).toBe("2027-03-01");
  });

  it("way 1: from the archive with the unchanged number, also when the system does not have it", () => {
    const archived = sampleVitnemal({ documentNumber: "V97456781420190123", issuedOn: "2019-06-20" });
    const log0 = seeded();
    const [log, out] = run(log0, duplicate(log0, { way: 1, number: "V97456781420190123", archived, on: "2027-03-01", place: "Bergen", signatory: "Ola", by }));
    expect(out.print.documentNumber).toBe("V97456781420190123");
    expect(out.print.duplicate?.way).toBe(1);
    expect(usedNumbers(log)).toContain("V97456781420190123");
    expect(printable(log, "V97456781420190123")!.issuedOn).toBe("2019-06-20");
    expect(duplicate(log, { way: 1, number: "V97456781420180001", on: "2027-03-01", place: "B", signatory: "O", by }).because.map((f) => f.rule)).toEqual([
      "vitnemal.duplicate.archive",
    ]);
  });

  it("way 3 of a førstegangsvitnemål: a new number, and the original is cancelled", () => {
    const log0 = seeded();
    const [log, out] = run(log0, duplicate(log0, { way: 3, number: "V97456781420250001", on: "2027-03-01", place: "Bergen", signatory: "Ola", by }));
    expect(out.print.documentNumber).toBe("V97456781420270001");
    expect(out.print.duplicate?.way).toBe(3);
    expect(out.print.forstegangs).toBe(true);
    const old = documents(log).get("V97456781420250001")!;
    expect(old.status).toBe("cancelled");
    expect(old.cancelled).toMatchObject({ reason: "ANN", replacedBy: "V97456781420270001" });
  });

  it("way 3 of another document: a new number; the original stays valid", () => {
    const log0 = seeded();
    const [log, out] = run(log0, duplicate(log0, { way: 3, number: "K97456781420250001", on: "2025-11-01", place: "Bergen", signatory: "Ola", by }));
    expect(out.print.documentNumber).toBe("K97456781420250002");
    expect(out.events.map((e) => e.type)).toEqual(["issued"]);
    expect(documents(log).get("K97456781420250001")!.status).toBe("valid");
  });
});

describe("§2.12 change of legal gender", () => {
  const newFnr = fodselsnummerFor("2007-03-15", 602)!; // same birth date, another individnummer

  it("a new document (not a duplicate) with the new fødselsnummer and a new number; the original is cancelled", () => {
    const log0 = seeded();
    const [log, out] = run(log0, reissueAfterGenderChange(log0, "V97456781420250001", { newFodselsnummer: newFnr, on: "2026-04-01", by }));
    expect(out.print.person.fodselsnummer).toBe(newFnr);
    expect(out.print.documentNumber).toBe("V97456781420260001");
    expect(out.print.duplicate ?? null).toBeNull();
    expect(documents(log).get("V97456781420260001")!.issued.reason).toBe("gender-change");
    expect(documents(log).get("V97456781420250001")!.cancelled).toMatchObject({ reason: "ANN", replacedBy: "V97456781420260001" });
    // the content is otherwise the original's
    const a = arrangeDocument(out.print).value;
    expect(a.groups).toEqual(arrangeDocument(sampleVitnemal()).value.groups);
  });

  it("refuses the same or an invalid fødselsnummer", () => {
    const log = seeded();
    expect(reissueAfterGenderChange(log, "V97456781420250001", { newFodselsnummer: "15030751466", on: "2026-04-01", by }).because.map((f) => f.rule)).toEqual([
      "vitnemal.gender-change.same-number",
    ]);
    expect(reissueAfterGenderChange(log, "V97456781420250001", { newFodselsnummer: "15030751467", on: "2026-04-01", by }).value).toBeNull();
  });
});
