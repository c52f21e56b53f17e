/**
 * Test builders for the vitnemål rulebook (not runtime API): a subject line, a person and an issuer with synthetic but
 * valid identifiers (kernel `ids/testing.ts`). Each test states its own grades and dates.
 */
import { fodselsnummerFor, orgnrFrom } from "../../kernel/ids/testing.ts";
import { parseHalfYear, type HalfYear } from "../../kernel/time/half-year.ts";
import type { Issuer, Person, SubjectResult } from "./model.ts";

export function hy(s: string): HalfYear {
  const h = parseHalfYear(s);
  if (h === undefined) throw new Error(`bad half-year ${s}`);
  return h;
}

/** A subject line: fellesfag, elev, 140 hours, VG1, V2024 unless given. */
export function line(fagkode: string, over: Partial<SubjectResult> = {}): SubjectResult {
  return { fagkode, fagtype: "FF", omfang: 140, level: "VG1", status: "elev", year: hy("V2024"), ...over };
}

export function testPerson(name = "Kari Nordmann"): Person {
  // Born 2006: individnummer 500–999; take the first whose check digits exist.
  let fnr: ReturnType<typeof fodselsnummerFor>;
  for (let i = 500; fnr === undefined && i < 1000; i++) fnr = fodselsnummerFor("2006-03-15", i);
  if (fnr === undefined) throw new Error("no synthetic fødselsnummer");
  return { fnr, name };
}

export function testIssuer(kind: Issuer["kind"] = "skole"): Issuer {
  const orgnr = orgnrFrom("97476067");
  if (orgnr === undefined) throw new Error("no synthetic orgnr");
  return { kind, name: kind === "skole" ? "Nordby videregående skole" : "Nordby fylkeskommune", orgnr, place: "Nordby" };
}
