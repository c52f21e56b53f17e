/**
 * The §3 tables as data: integrity of every row, and the date sweep over their validity — per code no gap and no
 * overlap from Kunnskapsløftet's start, the §3.5 replacement chains (FAM15/24/25/47 → FAM52) contiguous, and every
 * expired code refused from the day after its "utgått" date.
 */
import { describe, expect, it } from "vitest";
import { coverageProblems, isValidOn, versionOn } from "../../../kernel/law.ts";
import { addDays } from "../../../kernel/time/date.ts";
import { LK_START, MERKNADER, merknadVersions, UTGATTE_FAGMERKNADER, UTGATTE_VITNEMALSMERKNADER } from "./merknader.ts";
import { resolveMerknad } from "./lookup.ts";

const SWEEP_END = "2030-12-31";

describe("§3 merknad tables: rows", () => {
  it("every code is FAMnn or VMMnn, once per validity, with a text, a document and a §3 (or §6.8) citation", () => {
    for (const m of MERKNADER) {
      expect(m.code).toMatch(m.kind === "FAM" ? /^FAM\d{2}$/ : /^VMM\d{2}$/);
      expect(m.nb.length).toBeGreaterThan(0);
      expect(m.documents.length).toBeGreaterThan(0);
      expect(m.cite.seed).toBe("003");
      expect(["3", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "6.8"]).toContain(m.cite.ref);
    }
  });

  it.each([
    // [code, documents, section]
    ["FAM01", ["vitnemal", "kompetansebevis"], "3.1"],
    ["FAM05", ["kompetansebevis"], "3.1"],
    ["FAM21", ["kompetansebevis"], "3.1"],
    ["FAM29", ["kompetansebevis"], "3.1"],
    ["FAM37", ["vitnemal"], "3.1"],
    ["FAM39", ["kompetansebevis"], "3.1"],
    ["FAM40", ["vitnemal"], "3.1"],
    ["FAM41", ["kompetansebevis"], "3.1"],
    ["FAM51", ["kompetansebevis"], "3.1"],
    ["FAM55", ["vitnemal"], "3.1"],
    ["FAM58", ["kompetansebevis"], "3.1"],
    ["FAM59", ["kompetansebevis"], "3.1"],
    ["VMM06", ["vitnemal"], "3.2"],
    ["VMM24", ["vitnemal"], "3.2"],
    ["VMM23", ["vitnemal", "kompetansebevis"], "3.3"],
    ["VMM32", ["vitnemal"], "3.3"],
    ["VMM36", ["vitnemal"], "3.3"],
    ["VMM42", ["vitnemal", "kompetansebevis"], "6.8"],
    ["VMM14", ["kompetansebevis"], "3.4"],
    ["VMM33", ["kompetansebevis"], "3.4"],
    ["VMM34", ["kompetansebevis"], "3.4"],
    ["VMM38", ["kompetansebevis"], "3.4"],
  ])("%s stands on %j (§%s)", (code, docs, ref) => {
    const [m] = merknadVersions(code);
    expect(m?.documents).toEqual(docs);
    expect(m?.cite.ref).toBe(ref);
  });

  it("§3.2: every førstegangsvitnemål merknad but VMM06 requires VMM06", () => {
    const first = MERKNADER.filter((m) => m.table === "forstegangsvitnemal");
    expect(first.map((m) => m.code)).toEqual(["VMM06", "VMM07", "VMM08", "VMM09", "VMM10", "VMM20", "VMM21", "VMM22", "VMM24"]);
    for (const m of first) expect(m.requiresVmm06).toBe(m.code !== "VMM06");
  });

  it("§3.5/§3.6: the expired rows and their dates", () => {
    expect(UTGATTE_FAGMERKNADER.map((m) => [m.code, m.validTo])).toEqual([
      ["FAM15", "2016-12-31"],
      ["FAM22", "2008-12-31"],
      ["FAM24", "2016-12-31"],
      ["FAM25", "2016-12-31"],
      ["FAM47", "2016-12-31"],
    ]);
    expect(UTGATTE_VITNEMALSMERKNADER.map((m) => [m.code, m.validTo])).toEqual([["VMM12", "2010-12-31"]]);
  });
});

describe("§3.5/§3.6 date sweep over the merknad tables", () => {
  const codes = [...new Set(MERKNADER.map((m) => m.code))];

  it.each(codes)("%s: its versions cover its own span without gap or overlap", (code) => {
    const vs = merknadVersions(code);
    const from = vs.reduce((a, v) => (v.validFrom !== undefined && v.validFrom < a ? v.validFrom : a), "9999-12-31");
    const start = vs.some((v) => v.validFrom === undefined) ? LK_START : from;
    const end = vs.some((v) => v.validTo === undefined) ? SWEEP_END : vs.reduce((a, v) => ((v.validTo ?? "") > a ? (v.validTo ?? "") : a), "0000-01-01");
    expect(coverageProblems(vs, start, end)).toEqual([]);
  });

  it("the replacement chain FAM15/FAM24/FAM25/FAM47 → FAM52 leaves no day without a code and no day with two", () => {
    for (const old of ["FAM15", "FAM24", "FAM25", "FAM47"]) {
      const chain = [...merknadVersions(old), ...merknadVersions("FAM52")];
      expect(coverageProblems(chain, LK_START, SWEEP_END)).toEqual([]);
    }
  });

  it("every week from LK's start to 2030 and every boundary day: at most one version per code, and expired codes are refused from the next day", { timeout: 30_000 }, () => {
    const byCode = codes.map((code) => merknadVersions(code));
    // Every week, plus every validity boundary and the day on either side of it.
    const days = new Set<string>();
    for (let day = LK_START; day <= SWEEP_END; day = addDays(day, 7)) days.add(day);
    for (const m of MERKNADER)
      for (const b of [m.validFrom, m.validTo])
        if (b !== undefined) for (const d of [addDays(b, -1), b, addDays(b, 1)]) days.add(d);
    let checked = 0;
    for (const day of days)
      for (const vs of byCode) {
        const v = versionOn(vs, day); // throws on overlap
        if ((v !== undefined) !== vs.some((m) => isValidOn(m, day))) throw new Error(`${vs[0]?.code} on ${day}`);
        checked++;
      }
    expect(checked).toBeGreaterThan(1000);
    for (const m of [...UTGATTE_FAGMERKNADER, ...UTGATTE_VITNEMALSMERKNADER]) {
      const last = m.validTo ?? "";
      expect(resolveMerknad(m.code, { on: last, document: "kompetansebevis" }).value?.def.code).toBe(m.code);
      const after = resolveMerknad(m.code, { on: addDays(last, 1), document: "kompetansebevis" });
      expect(after.value).toBeNull();
      expect(after.because[0]?.rule).toBe("vitnemal.merknad.expired");
      expect(after.because[0]?.cite.ref).toBe(m.cite.ref);
    }
  });
});
