/**
 * §2.6 the catalogue's added codes (`seed-codes.ts`) against their named sources: each seed row's code is printed in
 * the seed's section it names, each exam-code row is listed by reference/no-codes.json under its parent, every fagkode
 * the seed prints is known, and an added code passes §2.6 with the "unverified" warning only.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allSubjectRows, checkFagkode, subjectDef } from "./catalogue.ts";
import { SUBJECT_ROWS } from "./catalogue-data.ts";
import { SEED_SUBJECT_ROWS } from "./seed-codes.ts";

const SEED = fileURLToPath(new URL("../../../../../shared/seeds/003_7fd2b374918d990d.txt", import.meta.url));
const REFERENCE = fileURLToPath(new URL("../../../../../shared/reference/no-codes.json", import.meta.url));
const seedText = existsSync(SEED) ? readFileSync(SEED, "utf8") : undefined;
const reference = existsSync(REFERENCE) ? (JSON.parse(readFileSync(REFERENCE, "utf8")) as { subjects: { code: string; examCodes?: string[] | null }[] }) : undefined;

/** The seed's text of one numbered section ("9.3"), from its heading to the next heading. */
function sectionText(text: string, section: string): string {
  const lines = text.split("\n");
  const heading = /^(\d+(?:\.\d+)+) /;
  let inSection = false;
  const out: string[] = [];
  for (const l of lines) {
    const m = heading.exec(l);
    if (m !== null) inSection = m[1] === section;
    if (inSection) out.push(l);
  }
  return out.join("\n");
}

describe("§2.6 codes added to the catalogue from the seed and the reference", () => {
  it("no added row repeats a generated one, and every added row is unverified with a note", () => {
    const generated = new Set(SUBJECT_ROWS.map((r) => r.def.fagkode));
    for (const r of SEED_SUBJECT_ROWS) {
      expect(generated.has(r.def.fagkode), r.def.fagkode).toBe(false);
      expect(r.verified).toBe(false);
      expect(r.note.length).toBeGreaterThan(0);
      expect(r.def.fagkode).toMatch(/^[A-Z]{3}\d{4}$/);
    }
    expect(allSubjectRows().length).toBe(SUBJECT_ROWS.length + SEED_SUBJECT_ROWS.length);
  });

  it.runIf(seedText !== undefined).each(SEED_SUBJECT_ROWS.filter((r) => r.sources[0]?.startsWith("seed 003")).map((r) => [r.sources[0]?.replace("seed 003 §", "") ?? "", r.def.fagkode]))(
    "§%s prints %s",
    (section, fagkode) => {
      const text = sectionText(seedText ?? "", section).replace(/\b([A-Z]{3}) (\d{4})\b/g, "$1$2");
      expect(text, `§${section}`).toContain(fagkode);
    },
  );

  it.runIf(reference !== undefined).each(SEED_SUBJECT_ROWS.filter((r) => r.sources[0]?.startsWith("reference/")).map((r) => [r.def.fagkode, r.def.faggruppe ?? ""]))(
    "reference/no-codes.json lists %s as an exam code of %s",
    (fagkode, parent) => {
      const row = reference?.subjects.find((s) => s.code === parent);
      expect(row?.examCodes ?? []).toContain(fagkode);
    },
  );

  it.runIf(seedText !== undefined)("every fagkode the seed prints is known (UPF9xxx by pattern; AVI3XXX/FLY3XXX are placeholders)", () => {
    const printed = new Set([...(seedText ?? "").matchAll(/\b([A-ZÆØÅ]{3}) ?(\d{4})\b/g)].map((m) => `${m[1]}${m[2]}`));
    const unknown = [...printed].filter((c) => checkFagkode({ fagkode: c }).because.some((f) => f.severity === "error"));
    expect(unknown).toEqual([]);
    expect(printed.size).toBeGreaterThan(30);
  });

  it.each([
    // [section, fagkode, omfang]
    ["9.3", "KRO1015", 56],
    ["9.3", "KRO1016", 112],
    ["4.6", "MAT1003", undefined],
    ["3.3", "NOR1049", undefined],
  ] as const)("§%s %s is accepted with the unverified warning; omfang %s", (_s, fagkode, omfang) => {
    const d = checkFagkode({ fagkode });
    expect(d.because.map((f) => [f.rule, f.severity, f.cite.ref])).toEqual([["vitnemal.catalogue.unverified", "warning", "2.6"]]);
    expect(subjectDef(fagkode)?.omfang).toBe(omfang);
  });

  it("an exam code counts as one fag with its teaching code (same faggruppe)", () => {
    expect(subjectDef("REA3047")?.faggruppe).toBe(subjectDef("REA3046")?.faggruppe);
    expect(subjectDef("FSP6150")?.examForms).toEqual(["M"]);
  });
});
