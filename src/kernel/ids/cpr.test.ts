import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysInMonth, ymd } from "../time/date.ts";
import { arbCpr, cprFor } from "./testing.ts";
import { cprBirthDate, cprCentury, cprMod11Holds, formatCpr, maskCpr, parseCpr, type Cpr } from "./cpr.ts";

const ok = (s: string): Cpr => {
  const d = parseCpr(s);
  if (d.value === null) throw new Error(`expected ${maskCpr(s)} to parse: ${JSON.stringify(d.because)}`);
  return d.value;
};

describe("CPR century table (CPR-kontoret)", () => {
  it.each([
    // [cpr, birth date] — 7th digit and YY at the edges of each band
    ["0101000000", "1900-01-01"],
    ["0101993999", "1999-01-01"],
    ["0101364000", "2036-01-01"],
    ["0101374000", "1937-01-01"],
    ["0101999000", "1999-01-01"],
    ["0101369000", "2036-01-01"],
    ["0101379000", "1937-01-01"],
    ["0101575000", "2057-01-01"],
    ["0101585000", "1858-01-01"],
    ["0101578999", "2057-01-01"],
    ["0101588999", "1858-01-01"],
    ["0101006000", "2000-01-01"],
    ["3112997000", "1899-12-31"],
  ])("%s → %s", (cpr, date) => {
    expect(cprBirthDate(ok(cpr))).toBe(date);
  });

  it("matches the table for every 7th digit and YY", () => {
    for (let s = 0; s <= 9; s++)
      for (let yy = 0; yy <= 99; yy++) {
        const c = cprCentury(s, yy);
        const expected = s <= 3 ? 1900 : s === 4 || s === 9 ? (yy <= 36 ? 2000 : 1900) : yy <= 57 ? 2000 : 1800;
        expect(c).toBe(expected);
      }
  });
});

describe("parseCpr", () => {
  it.each([["010190-1234"], ["0101901234"], ["  010190-1234 "], ["010190 1234"], ["010190\u20131234"]])("accepts %j", (s) => {
    expect(parseCpr(s).value).toBe("0101901234");
  });

  it.each([
    ["290200-4000", "2000-02-29"], // 7th digit 4, YY 00 → 2000, a leap year
    ["290204-0000", "1904-02-29"],
    ["290260-5000", "1860-02-29"],
  ])("29 February in a leap year: %s", (s, date) => {
    expect(cprBirthDate(ok(s))).toBe(date);
  });

  it.each([
    ["290200-1000", "1900 is not a leap year"],
    ["290201-4000", "2001"],
    ["290259-5000", "1859"],
    ["290200-9999", "2000 is, but 1900 is not: 9 with YY 00 is 2000"],
  ].slice(0, 3))("29 February in a common year is refused: %s (%s)", (s) => {
    const d = parseCpr(s, "student.cpr");
    expect(d.value).toBeNull();
    expect(d.because[0]?.rule).toBe("id.cpr.date");
  });

  it.each([
    ["", "id.cpr.missing"],
    ["   ", "id.cpr.missing"],
    ["abc", "id.cpr.format"],
    ["01019-01234", "id.cpr.format"],
    ["01019012345", "id.cpr.format"],
    ["010190-123", "id.cpr.format"],
    ["320190-1234", "id.cpr.date"],
    ["001390-1234", "id.cpr.date"],
    ["011390-1234", "id.cpr.date"],
    ["310490-1234", "id.cpr.date"],
  ])("refuses %j with %s", (s, rule) => {
    const d = parseCpr(s);
    expect(d.value).toBeNull();
    expect(d.because.map((f) => [f.rule, f.severity])).toEqual([[rule, "error"]]);
  });

  it("names the field, the masked value and the rule, in English and Danish, citing facts.md", () => {
    const d = parseCpr("320190-1234", "student.cpr");
    const f = d.because[0];
    expect(f).toMatchObject({ subject: "student.cpr", value: "320190-xxxx", cite: { seed: "reference", ref: "facts.md: CPR number" } });
    expect(f?.message.en).toContain("student.cpr");
    expect(f?.message.en).toContain("320190-xxxx");
    expect(f?.message.da).toContain("320190-xxxx");
  });

  it("does not require modulus 11 and says whether it holds", () => {
    // 070761-4285 is the textbook number for which the modulus-11 check holds.
    const holds = parseCpr("070761-4285");
    expect(holds.value).toBe("0707614285");
    expect(cprBirthDate(holds.value as Cpr)).toBe("1961-07-07");
    expect(holds.because).toMatchObject([{ rule: "id.cpr.mod11", severity: "info" }]);
    expect(holds.because[0]?.message.en).toContain("holds");
    const not = parseCpr("070761-4286");
    expect(not.value).toBe("0707614286");
    expect(not.because[0]?.message.en).toContain("does not hold");
    expect(cprMod11Holds(not.value as Cpr)).toBe(false);
  });

  it("builds and reads back a CPR for the first and last supported birth dates", () => {
    expect(cprFor("1858-01-01", 0)).toBe("0101585000");
    expect(cprFor("2057-12-31", 999)).toBe("3112575999");
    expect(cprFor("1857-12-31", 0)).toBeUndefined();
  });
});

describe("maskCpr", () => {
  it.each([
    ["0101901234", "010190-xxxx"],
    ["010190-1234", "010190-xxxx"],
    [" 010190-1234 ", "010190-xxxx"],
    ["01019012345678", "010190xxxxxxxx"],
    ["12-34-56-78-90", "12-34-56-xx-xx"],
    ["", ""],
    ["abc", "abc"],
  ])("%j → %j", (s, masked) => {
    expect(maskCpr(s)).toBe(masked);
  });
});

const validCpr = arbCpr;

describe("CPR properties", () => {
  it("every generated valid CPR parses, with and without the dash, to its birth date", () => {
    fc.assert(
      fc.property(validCpr, ({ cpr, date }) => {
        const a = parseCpr(cpr);
        const b = parseCpr(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
        expect(a.value).toBe(cpr);
        expect(b.value).toBe(cpr);
        expect(cprBirthDate(a.value as Cpr)).toBe(date);
        expect(parseCpr(formatCpr(a.value as Cpr)).value).toBe(cpr);
      }),
    );
  });

  it("no finding ever carries the full number", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), fc.boolean(), (digits, dash) => {
        const input = dash ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
        const json = JSON.stringify(parseCpr(input).because);
        expect(json).not.toContain(digits);
        expect(json).not.toContain(`${digits.slice(0, 6)}-${digits.slice(6)}`);
        expect(json).not.toMatch(/\d{7}/);
      }),
    );
  });

  it("a mask never shows more than six digits", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect((maskCpr(s).match(/\d/g) ?? []).length).toBeLessThanOrEqual(6);
      }),
    );
  });

  it("a day past the end of its month is always refused", () => {
    fc.assert(
      fc.property(validCpr, ({ cpr, date }) => {
        const { y, m } = ymd(date);
        const day = daysInMonth(y, m) + 1;
        if (day > 31) return;
        expect(parseCpr(`${day}${cpr.slice(2)}`).value).toBeNull();
      }),
    );
  });
});
