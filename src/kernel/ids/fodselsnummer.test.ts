import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fnrCentury, fodselsnummerBirthDate, maskFodselsnummer, parseFodselsnummer, type Fodselsnummer } from "./fodselsnummer.ts";
import { arbFodselsnummer, fodselsnummerFor, singleDigitChanges, withFnrCheckDigits } from "./testing.ts";

/** The first nine digits with check digits, trying the next individnummer until both check digits exist. */
function synth(first6: string, individnummer: number): string {
  for (let i = individnummer; i < individnummer + 20; i++) {
    const s = withFnrCheckDigits(`${first6}${String(i).padStart(3, "0")}`);
    if (s !== undefined) return s;
  }
  throw new Error("no check digits");
}

describe("parseFodselsnummer", () => {
  // Synthetic numbers, check digits computed (see testing.ts); no real person's number.
  it.each([
    ["01019012480", "fnr", "1990-01-01"],
    ["41019012393", "dnr", "1990-01-01"], // D-nummer: first digit + 4
    ["31129960089", "fnr", "1899-12-31"], // individnummer 500–749 with YY 54–99 → 1800s
    ["29020050088", "fnr", "2000-02-29"], // 500–999 with YY 00–39 → 2000s, a leap year
    ["31123999935", "fnr", "2039-12-31"],
    ["17054595034", "fnr", "1945-05-17"], // 900–999 with YY 40–99 → 1900s
    ["57054501031", "dnr", "1945-05-17"],
    ["71071761244", "dnr", "2017-07-31"],
    ["28020000106", "fnr", "1900-02-28"],
  ])("%s is a %s born %s", (s, kind, date) => {
    const d = parseFodselsnummer(s);
    expect(d).toEqual({ value: { id: s, kind }, because: [] });
    expect(fodselsnummerBirthDate(d.value?.id as Fodselsnummer)).toBe(date);
  });

  it.each([["  01019012480 "], ["010190 12480"], ["010190-12480"]])("accepts %j", (s) => {
    expect(parseFodselsnummer(s).value?.id).toBe("01019012480");
  });

  it("29 February 1900 is refused although its check digits are right (1900 is not a leap year)", () => {
    const s = synth("290200", 0); // individnummer < 500 → 1900
    const d = parseFodselsnummer(s);
    expect(d.value).toBeNull();
    expect(d.because[0]?.rule).toBe("id.fnr.date");
    // …while 29 February 2000 (individnummer ≥ 500) is accepted
    expect(parseFodselsnummer(synth("290200", 500)).value?.kind).toBe("fnr");
  });

  it("an individnummer never allocated to the year is refused", () => {
    const s = synth("010145", 800); // 750–899 with YY 40–99: not allocated
    const d = parseFodselsnummer(s);
    expect(d.value).toBeNull();
    expect(d.because[0]?.rule).toBe("id.fnr.individnummer");
  });

  it.each([
    ["", "id.fnr.missing"],
    ["0101901248", "id.fnr.format"],
    ["010190124800", "id.fnr.format"],
    ["0101901248O", "id.fnr.format"],
    ["01019012481", "id.fnr.checksum"],
    ["12345678910", "id.fnr.checksum"],
    ["01419012480", "id.fnr.checksum"], // a typo that looks like an H-nummer is reported as a typo
    ["13527248013", "id.fnr.hnr"], // H-nummer from the library's README
    ["68467038838", "id.fnr.hnr"], // D-nummer and H-nummer at once
    ["10915596784", "id.fnr.synthetic"], // Test Norge number (month + 80)
    [synth("320190", 100), "id.fnr.date"],
    [synth("011390", 100), "id.fnr.date"],
    [synth("720190", 100), "id.fnr.date"], // D-nummer day 32
  ])("refuses %s with %s", (s, rule) => {
    const d = parseFodselsnummer(s, "elev.fnr");
    expect(d.value).toBeNull();
    expect(d.because).toMatchObject([
      { rule, severity: "error", subject: "elev.fnr", cite: { seed: "reference", ref: "facts.md: Fødselsnummer / D-nummer" } },
    ]);
    const m = d.because[0]?.message;
    expect(m?.en).toContain("elev.fnr");
    expect(m?.da).toBeTruthy();
    expect(m?.nb).toBeTruthy();
    expect(JSON.stringify(d.because)).not.toMatch(/\d{7}/);
  });

  it("the century table", () => {
    expect([fnrCentury(0, 0), fnrCentury(499, 99), fnrCentury(500, 39), fnrCentury(999, 0)]).toEqual([1900, 1900, 2000, 2000]);
    expect([fnrCentury(500, 54), fnrCentury(749, 99), fnrCentury(900, 40), fnrCentury(999, 99)]).toEqual([1800, 1800, 1900, 1900]);
    expect([fnrCentury(500, 40), fnrCentury(749, 53), fnrCentury(750, 40), fnrCentury(899, 99)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("masks to the date part", () => {
    expect(maskFodselsnummer("01019012480")).toBe("010190xxxxx");
    expect(maskFodselsnummer(" 010190 12480")).toBe("010190xxxxx");
    expect(maskFodselsnummer("0101901248012345")).toBe("010190xxxxxxxxxx");
    expect(maskFodselsnummer("")).toBe("");
  });

  it("the builder refuses an individnummer outside the year's ranges", () => {
    expect(fodselsnummerFor("1954-01-01", 700)).toBeUndefined();
    expect(fodselsnummerFor("2040-01-01", 500)).toBeUndefined();
  });
});

describe("fødselsnummer properties", () => {
  it("every generated valid number parses to its kind and birth date", () => {
    fc.assert(
      fc.property(arbFodselsnummer, ({ id, date, dnr }) => {
        const d = parseFodselsnummer(id);
        expect(d.value).toEqual({ id, kind: dnr ? "dnr" : "fnr" });
        expect(fodselsnummerBirthDate(id)).toBe(date);
      }),
    );
  });
  it("a single changed digit is always caught", () => {
    fc.assert(
      fc.property(arbFodselsnummer, ({ id }) => {
        for (const wrong of singleDigitChanges(id)) expect(parseFodselsnummer(wrong).value).toBeNull();
      }),
      { numRuns: 50 },
    );
  });
  it("no finding carries more than the six-digit date part", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (s) => {
        expect(JSON.stringify(parseFodselsnummer(s).because)).not.toMatch(/\d{7}/);
      }),
    );
  });
  it("a mask never shows more than six digits", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect((maskFodselsnummer(s).match(/\d/g) ?? []).length).toBeLessThanOrEqual(6);
      }),
    );
  });
});
