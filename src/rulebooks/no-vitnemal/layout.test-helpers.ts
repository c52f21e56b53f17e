/**
 * Sample documents for the layout, PDF, numbering and NVB tests (invented data; the orgnr 974567814 and the
 * fødselsnummer 15030751466 are the invented, check-digit-valid values of nvb-format.md §10).
 */
import type { SubjectInput, VitnemalInput } from "./layout.ts";

export const ORGNR = "974567814";
export const FNR = "15030751466";

export const subject = (fagkode: string, over: Partial<SubjectInput> = {}): SubjectInput => ({
  fagkode,
  name: `Fag ${fagkode}`,
  fagtype: "FF",
  omfang: 140,
  standpunkt: 4,
  eksamen: null,
  eksamensform: null,
  term: { half: "V", year: 2025 },
  ...over,
});

/** A studiespesialisering vitnemål in the shape of nvb-format.md §10, with a few more subjects. */
export function sampleVitnemal(over: Partial<VitnemalInput> = {}): VitnemalInput {
  return {
    kind: "vitnemal",
    person: { name: "Kari Nordmann", fodselsnummer: FNR },
    completedYear: 2025,
    forstegangs: true,
    programmeAreas: [
      { level: "vg3", code: "STREA3----", name: "Realfag", programme: "Studiespesialisering", programmeCode: "ST", year: 2025 },
      { level: "vg1", code: "STUSP1----", name: "Studiespesialisering", programme: "Studiespesialisering", programmeCode: "ST", year: 2023 },
      { level: "vg2", code: "STREA2----", name: "Realfag", programme: "Studiespesialisering", programmeCode: "ST", year: 2024 },
    ],
    sluttkompetanse: ["studiekompetanse"],
    subjects: [
      subject("REA3024", { name: "Matematikk R2", fagtype: "VP", standpunkt: 4, eksamen: 4, eksamensform: "S" }),
      subject("MAT1013", { name: "Matematikk 1T", standpunkt: 4, eksamen: 5, eksamensform: "S", term: { half: "V", year: 2023 } }),
      subject("ENG1003", { name: "Engelsk", standpunkt: 5, term: { half: "V", year: 2023 } }),
      subject("GEO1001", { name: "Geografi", omfang: 56, standpunkt: null, eksamen: 5, eksamensform: "S", term: { half: "H", year: 2024 }, status: "P" }),
      subject("HIS1003", { name: "Historie", standpunkt: 4 }),
      subject("REA3022", { name: "Matematikk R1", fagtype: "VP", standpunkt: 5, term: { half: "V", year: 2024 } }),
      subject("KRO1019", { name: "Kroppsøving", omfang: 56, standpunkt: "F", merknad: { code: "FAM02", text: "Fritatt fra vurd. med kar." } }),
      subject("NOR1267", { name: "Norsk hovedmål, muntlig", omfang: null, standpunkt: 5, eksamen: 4, eksamensform: "M" }),
    ],
    orden: "G",
    adferd: "G",
    absence: [
      { label: "vg1", days: 3, hours: 5 },
      { label: "vg2", days: 2, hours: 8 },
      { label: "vg3", days: 0, hours: 0 },
    ],
    merknader: [{ code: "VMM06", text: "Førstegangsvitnemål" }],
    issuer: { orgnr: ORGNR, name: "Nordli videregående skole", place: "Bergen", schoolNumber: "46012" },
    issuedOn: "2025-06-20",
    signatories: ["Per Rektorsen", "Siri Sekretær"],
    documentNumber: "V97456781420250042",
    ...over,
  };
}

/** A kompetansebevis after vg1 with a subject not passed and an exam not met (§6.3). */
export function sampleKompetansebevis(over: Partial<VitnemalInput> = {}): VitnemalInput {
  return sampleVitnemal({
    kind: "kompetansebevis",
    completedYear: 2025,
    forstegangs: false,
    programmeAreas: [
      { level: "vg1", code: "STUSP1----", name: "Studiespesialisering", programme: "Studiespesialisering", status: "fullfort", year: 2025 },
    ],
    sluttkompetanse: [],
    subjects: [
      subject("ENG1007", { name: "Engelsk, skriftlig", standpunkt: 3, eksamen: "IM", eksamensform: "S", merknad: { code: "FAM39", text: "Dokumentert fravær" } }),
      subject("MAT1019", { name: "Matematikk 1P", standpunkt: 1 }),
      subject("NAT1007", { name: "Naturfag", standpunkt: "IV", merknad: { code: "FAM51", text: "Overskredet fraværsgrense" } }),
    ],
    absence: [{ label: "vg1", days: 14, hours: 22 }],
    merknader: [],
    documentNumber: "K97456781420250007",
    ...over,
  });
}
