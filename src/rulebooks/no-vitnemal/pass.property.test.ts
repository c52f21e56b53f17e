/** Properties of the §5.1/§5.2/§5.5 pass logic over all grade combinations (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Grade, Vurdering } from "./model.ts";
import { fagPassed } from "./pass.ts";
import { line } from "./testing.ts";

const grade = fc.integer({ min: 1, max: 6 }).map((n) => n as Grade);
const cellValue: fc.Arbitrary<Vurdering | undefined> = fc.oneof(
  grade,
  fc.constantFrom<Vurdering>("BM", "B", "IB", "D", "F", "GK", "IV", "IM"),
  fc.constant(undefined),
);
const state = (sp: Vurdering | undefined, ex: Vurdering | undefined, tverrfaglig = false) =>
  fagPassed([line("ENG1007", { ...(sp !== undefined ? { standpunkt: sp } : {}), ...(ex !== undefined ? { eksamen: ex } : {}), tverrfagligExam: tverrfaglig })]).value;

describe("§5.1/§5.5 pass logic properties", () => {
  it("raising a grade never turns a passed subject into a not-passed one (standpunkt and exam)", () => {
    fc.assert(
      fc.property(grade, grade, fc.boolean(), fc.boolean(), (sp, ex, tv, raiseExam) => {
        const before = state(sp, ex, tv);
        const after = raiseExam ? state(sp, Math.min(6, ex + 1) as Grade, tv) : state(Math.min(6, sp + 1) as Grade, ex, tv);
        if (before === "passed") expect(after).toBe("passed");
      }),
    );
  });

  it("with grades only: passed ⇔ exam ≥ 2 and (standpunkt ≥ 2, or standpunkt 1 lifted by a non-tverrfaglig exam)", () => {
    fc.assert(
      fc.property(grade, grade, fc.boolean(), (sp, ex, tv) => {
        const expected = ex >= 2 && (sp >= 2 || !tv);
        expect(state(sp, ex, tv) === "passed").toBe(expected);
      }),
    );
  });

  it("an exam with IM, IV, IB or 1 always means not passed; Fritatt/Godkjent in standpunkt without exam always passed", () => {
    fc.assert(
      fc.property(cellValue, fc.constantFrom<Vurdering>("IM", "IV", "IB", 1), (sp, ex) => {
        expect(state(sp, ex)).toBe("notPassed");
      }),
    );
    for (const sp of ["F", "GK"] as const) expect(state(sp, undefined)).toBe("passed");
  });

  it("the result never depends on anything but the cells (pure): the same input twice gives the same state", () => {
    fc.assert(
      fc.property(cellValue, cellValue, fc.boolean(), (sp, ex, tv) => {
        expect(state(sp, ex, tv)).toBe(state(sp, ex, tv));
      }),
    );
  });
});
