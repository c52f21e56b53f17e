/**
 * Seed 003 (Udir's guidelines for vitnemål and kompetansebevis) as a library: the case model, the §1–§13 decisions,
 * the FAM/VMM tables, numbering, the issuance log and the NVB export. No database. The render model of §2 (what
 * stands on the paper) has its own vocabulary and is exported as `layout`; `renderVitnemalPdf` draws it.
 * `docs/rulebooks/003-vitnemal.md` maps each section to the function here and its test.
 */
export * from "./model.ts";
export * from "./codes/grades.ts";
export * from "./codes/merknader.ts";
export * from "./codes/lookup.ts";
export * from "./codes/programme-area.ts";
export * from "./codes/catalogue.ts";
export * from "./codes/credits.ts";
// §1, §3–§5 and the whole case
export * from "./document.ts";
export * from "./pass.ts";
export * from "./merknader.ts";
export * from "./combination.ts";
export * from "./decide.ts";
// §6–§13
export * from "./entry.ts";
export * from "./exams.ts";
export * from "./exemptions.ts";
export * from "./absence.ts";
export * from "./vocational.ts";
export * from "./minorities.ts";
export * from "./iop.ts";
export * from "./dispensations.ts";
export * from "./transitional.ts";
export * from "./apply.ts";
// §2: layout, PDF, numbering, issuance, NVB
export * as layout from "./layout.ts";
export { renderVitnemalPdf } from "./pdf.ts";
export * from "./numbering.ts";
export * from "./issuance.ts";
export * from "./nvb.ts";
