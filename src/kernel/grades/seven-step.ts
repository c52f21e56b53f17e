/**
 * The Danish 7-trinsskala (seven-step grading scale): 12, 10, 7, 4, 02, 00, −3.
 *
 * facts.md, "7-trinsskala grades": "12, 10, 7, 4, 02, 00, −3" (karakterbekendtgørelsen). Grades are written with two
 * digits where the scale does ("02", "00"), so "2" and "0" are not grades; −3 may be written with a hyphen-minus or a
 * typographic minus. 02 is the lowest pass grade ("Pass requirement referred to in § 41": at least 2,0 = 02).
 */
import { cite, decision, finding, type Citation, type Decision } from "../law.ts";
import { rational, type Rational } from "../rational.ts";

/** The numeric values of the scale, highest first. */
export const SEVEN_STEP_VALUES = [12, 10, 7, 4, 2, 0, -3] as const;
export type SevenStepValue = (typeof SEVEN_STEP_VALUES)[number];

/** A grade on the 7-trinsskala; only `parseGrade7` and `grade7` make one. The number is the grade's value. */
export type Grade7 = SevenStepValue & { readonly __brand: "Grade7" };

/** The grades of the scale, highest first. */
export const GRADES_7: readonly Grade7[] = SEVEN_STEP_VALUES.map((v) => v as Grade7);

export const SCALE_CITE: Citation = cite("reference", "facts.md: 7-trinsskala grades");
export const PASS_CITE: Citation = cite("reference", "facts.md: Pass requirement referred to in § 41");

const WRITTEN: Record<SevenStepValue, string> = { 12: "12", 10: "10", 7: "7", 4: "4", 2: "02", 0: "00", [-3]: "-3" };

export function isGrade7Value(x: unknown): x is SevenStepValue {
  return typeof x === "number" && (SEVEN_STEP_VALUES as readonly number[]).includes(x);
}

/** The grade with this value; throws RangeError for a value not on the scale (for constants and tests). */
export function grade7(value: number): Grade7 {
  if (!isGrade7Value(value)) throw new RangeError(`${value} is not on the 7-trinsskala`);
  return value as Grade7;
}

/** As the scale writes it: 2 → "02", 0 → "00", −3 → "-3". */
export function formatGrade7(g: Grade7): string {
  return WRITTEN[g as SevenStepValue];
}

/** The grade as an exact number for averages. */
export function grade7Rational(g: Grade7): Rational {
  return rational(g);
}

/** A pass grade: 02 or above. */
export function isPassingGrade7(g: Grade7): boolean {
  return g >= 2;
}

const NORMALISE_MINUS = /^[\u2212\u2013\u2010]/;

/**
 * Parses a grade as it is written on the scale: "12", "10", "7", "4", "02", "00", "-3" (also "−3" with a typographic
 * minus), with surrounding spaces. Anything else ("2", "0", "13", "03", "B") gives null and an error finding that cites
 * the scale and names the field.
 */
export function parseGrade7(input: string, field = "grade"): Decision<Grade7 | null> {
  const s = input.trim().replace(NORMALISE_MINUS, "-");
  for (const v of SEVEN_STEP_VALUES) if (WRITTEN[v] === s) return decision<Grade7 | null>(v as Grade7);
  const empty = s === "";
  const shown = s.length > 12 ? `${s.slice(0, 12)}…` : s;
  let hint = { en: "", da: "" };
  if (/^-?\d+$/.test(s) && isGrade7Value(Number(s)))
    hint = { en: ` Write it as "${WRITTEN[Number(s) as SevenStepValue]}".`, da: ` Skriv "${WRITTEN[Number(s) as SevenStepValue]}".` };
  return decision<Grade7 | null>(null, [
    finding(
      empty ? "grade.7.missing" : "grade.7.not-on-scale",
      "error",
      SCALE_CITE,
      empty
        ? { en: `Field "${field}": a grade is required (12, 10, 7, 4, 02, 00 or -3).`, da: `Feltet "${field}": karakter mangler (12, 10, 7, 4, 02, 00 eller -3).` }
        : {
            en: `Field "${field}": "${shown}" is not a grade on the 7-point scale (12, 10, 7, 4, 02, 00, -3).${hint.en}`,
            da: `Feltet "${field}": "${shown}" er ikke en karakter på 7-trinsskalaen (12, 10, 7, 4, 02, 00, -3).${hint.da}`,
          },
      { subject: field, value: shown },
    ),
  ]);
}
