/**
 * The result categories of seed 000 as data: one row per category, each with its citation.
 *
 * Group 1 (a UVM-prøve is attached on the start date) reports in the field "ResultatProevebelagt" (§3, Bilag 1);
 * group 2 (no UVM-prøve) reports in "ResultatIkkeProevebelagt" (§3, Bilag 2). The IKV goals 40080/40081 report in
 * group 2 with categories 1, 3 and 4 only (§4).
 *
 * Numbering: Bilag 2 numbers both "Bevis opnået ved individuel kompetencevurdering" and "Bevis ikke opnået på grund af
 * manglende målopfyldning" as "3)". bevis follows the list in §3 (IKV = 2, manglende målopfyldning = 3), which is also
 * the numbering §4 uses for the IKV goals ("3. Bevis ikke opnået på grund af manglende målopfyldning").
 * See docs/rulebooks/000-amu.md, "Ambiguities and choices".
 */
import type { Citation } from "../../kernel/law.ts";
import type { ResultatIkkeProevebelagt, ResultatProevebelagt, ResultGroup } from "./model.ts";

/** The two result fields of the report (names as STIL writes them, reference/facts.md) in bevis' camelCase. */
export type ResultField = "resultatProevebelagt" | "resultatIkkeProevebelagt";

export interface ResultCategory<C extends number = number> {
  code: C;
  /** The result field the category belongs to. */
  field: ResultField;
  group: ResultGroup;
  /** The official Danish label, as the seed writes it. */
  da: string;
  /** English gloss. */
  en: string;
  /** The Bilag's description of when the category is used (Danish as the seed writes it, English gloss). */
  description: { da: string; en: string };
  /** Whether an AMU-bevis was issued ("Der er udstedt AMU-bevis til deltageren"). */
  bevisObtained: boolean;
  /** Allowed as the result of an IKV goal, 40080/40081 (§4 lists 1, 3 and 4). */
  allowedForIkv: boolean;
  /**
   * "Kategorien bruges kun, hvis det studieadministrative system ikke kan indberette beviser uden anvendelse af denne."
   * bevis can report beviser without it (IKV on 40080/40081, beviser on the demonstrated fagkoder), so using it
   * draws a warning.
   */
  onlyIfSystemCannotOtherwise: boolean;
  cite: Citation[];
}

const c = (ref: string): Citation => ({ seed: "000", ref });

/** Bilag 1 — "Resultatkategorier for kurser med UVM-prøver" (field ResultatProevebelagt, group 1). */
export const PROEVEBELAGT_CATEGORIES: readonly ResultCategory<ResultatProevebelagt>[] = [
  {
    code: 1,
    field: "resultatProevebelagt",
    group: 1,
    da: "Bevis opnået ved bestået prøve",
    en: "Certificate obtained: passed the test",
    description: { da: "Deltageren har bestået prøven.", en: "The participant passed the test." },
    bevisObtained: true,
    allowedForIkv: false,
    onlyIfSystemCannotOtherwise: false,
    cite: [c("3"), c("Bilag 1")],
  },
  {
    code: 2,
    field: "resultatProevebelagt",
    group: 1,
    da: "Bevis opnået ved dispensation fra prøvedeltagelse",
    en: "Certificate obtained: exempted from the test",
    description: {
      da: "Deltageren har fået tildelt dispensation for deltagelse i prøven, og læreren har vurderet, at kursisten har nået målet med uddannelsen",
      en: "The participant was exempted from the test and the teacher judged that the goal of the course was reached.",
    },
    bevisObtained: true,
    allowedForIkv: false,
    onlyIfSystemCannotOtherwise: false,
    cite: [c("3"), c("Bilag 1")],
  },
  {
    code: 3,
    field: "resultatProevebelagt",
    group: 1,
    da: "Bevis opnået ved individuel kompetencevurdering",
    en: "Certificate obtained through an individual competence assessment (IKV)",
    description: {
      da: "Kategorien bruges kun, hvis det studieadministrative system ikke kan indberette beviser uden anvendelse af denne.",
      en: "Only used if the student administration system cannot report certificates without it.",
    },
    bevisObtained: true,
    allowedForIkv: false,
    onlyIfSystemCannotOtherwise: true,
    cite: [c("3"), c("Bilag 1")],
  },
  {
    code: 4,
    field: "resultatProevebelagt",
    group: 1,
    da: "Bevis ikke opnået på grund af ikke-bestået prøve",
    en: "No certificate: failed the test",
    description: { da: "Deltageren har aflagt prøve, men har ikke bestået den.", en: "The participant took the test but did not pass." },
    bevisObtained: false,
    allowedForIkv: false,
    onlyIfSystemCannotOtherwise: false,
    cite: [c("3"), c("Bilag 1")],
  },
  {
    code: 5,
    field: "resultatProevebelagt",
    group: 1,
    da: "Bevis ikke opnået på grund af afbrud eller udeblivelse",
    en: "No certificate: dropped out or did not show up for the test",
    description: {
      da: "Deltageren har ikke aflagt prøven, fx pga. afbrudt uddannelse, eller fordi deltageren ikke har ønsket at tage prøven.",
      en: "The participant did not take the test, e.g. because the course was interrupted or the participant did not want to take it.",
    },
    bevisObtained: false,
    allowedForIkv: false,
    onlyIfSystemCannotOtherwise: false,
    cite: [c("3"), c("Bilag 1"), c("6.2")],
  },
  {
    code: 6,
    field: "resultatProevebelagt",
    group: 1,
    da: "Dispensation fra prøvedeltagelse uden bevisopnåelse",
    en: "Exempted from the test, no certificate",
    description: {
      da: "Deltageren har fået tildelt dispensation for deltagelse i prøven, og læreren har vurderet, at deltageren ikke har nået målet med uddannelsen.",
      en: "The participant was exempted from the test and the teacher judged that the goal of the course was not reached.",
    },
    bevisObtained: false,
    allowedForIkv: false,
    onlyIfSystemCannotOtherwise: false,
    cite: [c("3"), c("Bilag 1")],
  },
];

/** Bilag 2 — "Resultatkategorier for kurser uden UVM-prøver" (field ResultatIkkeProevebelagt, group 2); §4 for IKV. */
export const IKKE_PROEVEBELAGT_CATEGORIES: readonly ResultCategory<ResultatIkkeProevebelagt>[] = [
  {
    code: 1,
    field: "resultatIkkeProevebelagt",
    group: 2,
    da: "Bevis opnået",
    en: "Certificate obtained",
    description: {
      da: "Læreren har vurderet, at deltageren har opnået målet med uddannelsen, og der er på den baggrund udstedt bevis til deltageren. Specielt for IKV benyttes denne kategori, når resultatet af IKV-aktiviteten er, at der er udstedt mindst ét AMU-bevis.",
      en: "The teacher judged that the goal was reached and a certificate was issued. For IKV: at least one AMU certificate was issued.",
    },
    bevisObtained: true,
    allowedForIkv: true,
    onlyIfSystemCannotOtherwise: false,
    cite: [c("3"), c("4"), c("Bilag 2"), c("6.3")],
  },
  {
    code: 2,
    field: "resultatIkkeProevebelagt",
    group: 2,
    da: "Bevis opnået på baggrund af individuel kompetencevurdering",
    en: "Certificate obtained through an individual competence assessment (IKV)",
    description: {
      da: "Kategorien bruges kun, hvis det studieadministrative system ikke kan indberette beviser uden anvendelse af denne.",
      en: "Only used if the student administration system cannot report certificates without it.",
    },
    bevisObtained: true,
    allowedForIkv: false,
    onlyIfSystemCannotOtherwise: true,
    // Bilag 2 prints this row as "3)"; §3 numbers it 2 (see the file comment).
    cite: [c("3"), c("Bilag 2")],
  },
  {
    code: 3,
    field: "resultatIkkeProevebelagt",
    group: 2,
    da: "Bevis ikke opnået på grund af manglende målopfyldning",
    en: "No certificate: the goal was not reached",
    description: {
      da: "Der er ikke udstedt bevis, da læreren har vurderet, at deltageren ikke har nået målet med uddannelsen. Specielt for IKV benyttes denne kategori også, når resultatet af IKV-aktiviteten er et Kompetencebevis eller en individuel uddannelsesplan.",
      en: "No certificate, the teacher judged the goal was not reached. For IKV also when the outcome is a competence certificate (Kompetencebevis) or an individual education plan.",
    },
    bevisObtained: false,
    allowedForIkv: true,
    onlyIfSystemCannotOtherwise: false,
    cite: [c("3"), c("4"), c("Bilag 2")],
  },
  {
    code: 4,
    field: "resultatIkkeProevebelagt",
    group: 2,
    da: "Bevis ikke opnået på grund af afbrud",
    en: "No certificate: dropped out",
    description: {
      da: "Der er ikke udstedt bevis, da deltageren har afbrudt kurset.",
      en: "No certificate, the participant dropped out of the course.",
    },
    bevisObtained: false,
    allowedForIkv: true,
    onlyIfSystemCannotOtherwise: false,
    cite: [c("3"), c("4"), c("Bilag 2")],
  },
];

/** All categories, group 1 first. */
export const ALL_CATEGORIES: readonly ResultCategory[] = [...PROEVEBELAGT_CATEGORIES, ...IKKE_PROEVEBELAGT_CATEGORIES];

/** The result field a group reports in (§3). */
export const FIELD_OF_GROUP: Readonly<Record<ResultGroup, ResultField>> = {
  1: "resultatProevebelagt",
  2: "resultatIkkeProevebelagt",
};

/** The category with this code in this field, or undefined when the code is not in the table. */
export function categoryOf(field: ResultField, code: number): ResultCategory | undefined {
  const table: readonly ResultCategory[] = field === "resultatProevebelagt" ? PROEVEBELAGT_CATEGORIES : IKKE_PROEVEBELAGT_CATEGORIES;
  return table.find((k) => k.code === code);
}

/** Categories of a group, optionally only those allowed for IKV. */
export function categoriesFor(group: ResultGroup, opts: { ikv?: boolean } = {}): readonly ResultCategory[] {
  const table: readonly ResultCategory[] = group === 1 ? PROEVEBELAGT_CATEGORIES : IKKE_PROEVEBELAGT_CATEGORIES;
  return opts.ikv ? table.filter((k) => k.allowedForIkv) : table;
}
