/**
 * A demo catalogue of AMU goals (AMU-mål) for tests, demo data and the UI.
 *
 * ONLY 40080 and 40081 are real: they are the two IKV goals named in seed 000 §4 ("Individuelle
 * kompetencevurderinger i AMU (AMU-mål 40080)" and "… i AMU F/I (AMU-mål 40081)").
 *
 * EVERY OTHER fagkode and title below is ILLUSTRATIVE DEMO DATA, made up for bevis: the numbers are chosen from the
 * 9xxxx range so they are easy to recognise, and nothing here claims that a real AMU goal with that number exists,
 * has that title, or has (or had) a UVM-prøve. A provider's real catalogue comes from STIL's uddannelsesmodel (UMO).
 */
import type { AmuGoal, Fagkode } from "./model.ts";

export const DEMO_CATALOGUE: readonly AmuGoal[] = [
  // --- Real (seed 000 §4): the two IKV goals. Not UVM-prøvebelagte in themselves ("ikke UVM-prøvebelagte i sig selv").
  { fagkode: "40080", title: "Individuelle kompetencevurderinger i AMU", uvmTestPeriods: [], certificate: false, writtenAndOral: false },
  { fagkode: "40081", title: "Individuelle kompetencevurderinger i AMU F/I", uvmTestPeriods: [], certificate: false, writtenAndOral: false },

  // --- Demo data from here on (illustrative fagkoder and titles).
  // A goal with a UVM-prøve throughout (group 1).
  { fagkode: "90001", title: "Demo: Svejsning med prøve", uvmTestPeriods: [{ validFrom: "2000-01-01" }], certificate: false, writtenAndOral: false },
  // A goal without any UVM-prøve (group 2).
  { fagkode: "90002", title: "Demo: Kursus uden prøve", uvmTestPeriods: [], certificate: false, writtenAndOral: false },
  // A goal whose UVM-prøve was ATTACHED on 2024-07-01: starts before that date are group 2, from that date group 1 (§3).
  {
    fagkode: "90003",
    title: "Demo: Prøve tilknyttet 1. juli 2024",
    uvmTestPeriods: [{ validFrom: "2024-07-01" }],
    certificate: false,
    writtenAndOral: false,
  },
  // A goal whose UVM-prøve was REMOVED after 2024-03-31: starts up to that date are group 1, later starts group 2 (§3).
  {
    fagkode: "90004",
    title: "Demo: Prøve fjernet efter 31. marts 2024",
    uvmTestPeriods: [{ validFrom: "2000-01-01", validTo: "2024-03-31" }],
    certificate: false,
    writtenAndOral: false,
  },
  // A certificate course that uses a UVM-prøve (§3 1) "Visse certifikatuddannelser har en tilknyttet UVM-prøve", §6.2).
  {
    fagkode: "90005",
    title: "Demo: Certifikatkursus med UVM-prøve",
    uvmTestPeriods: [{ validFrom: "2000-01-01" }],
    certificate: true,
    writtenAndOral: false,
  },
  // A certificate course with an industry/authority test, not a UVM-prøve (§3 2), §6.3).
  { fagkode: "90006", title: "Demo: Certifikatkursus med brancheprøve", uvmTestPeriods: [], certificate: true, writtenAndOral: false },
  // A goal whose UVM-prøve has a written and an oral part, both needed for the bevis (§6.2).
  {
    fagkode: "90007",
    title: "Demo: Skriftlig og mundtlig prøve",
    uvmTestPeriods: [{ validFrom: "2000-01-01" }],
    certificate: false,
    writtenAndOral: true,
  },
  // A goal with a UVM-prøve that is also offered as an optional module of the drivers' qualification (§3.1).
  { fagkode: "90008", title: "Demo: Chaufførmodul med prøve", uvmTestPeriods: [{ validFrom: "2000-01-01" }], certificate: false, writtenAndOral: false },
  // Goals without a UVM-prøve used as IKV competence fagkoder in the demo (§4 Bemærk 3).
  { fagkode: "90009", title: "Demo: Lager og logistik", uvmTestPeriods: [], certificate: false, writtenAndOral: false },
  { fagkode: "90010", title: "Demo: Truckkørsel, grundlæggende", uvmTestPeriods: [{ validFrom: "2000-01-01" }], certificate: true, writtenAndOral: false },
];

/** The goal with this fagkode in a catalogue, or undefined. */
export function goalByFagkode(catalogue: readonly AmuGoal[], fagkode: Fagkode): AmuGoal | undefined {
  return catalogue.find((g) => g.fagkode === fagkode);
}

/**
 * Problems in a catalogue: duplicate fagkoder, fagkoder that are not 5 digits, UVM-prøve periods that end before
 * they start or overlap (the start date must find at most one period, seed 000 §3 "Er der tilknyttet en UVM-prøve
 * på startdatoen"). Human-readable, empty when sound.
 */
export function catalogueProblems(catalogue: readonly AmuGoal[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const g of catalogue) {
    if (!/^\d{5}$/.test(g.fagkode)) problems.push(`${g.fagkode}: not a 5-digit fagkode`);
    if (seen.has(g.fagkode)) problems.push(`${g.fagkode}: listed twice`);
    seen.add(g.fagkode);
    const periods = [...g.uvmTestPeriods].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    periods.forEach((p, i) => {
      if (p.validTo !== undefined && p.validTo < p.validFrom) problems.push(`${g.fagkode}: UVM-prøve period ${p.validFrom}–${p.validTo} ends before it starts`);
      const prev = periods[i - 1];
      if (prev !== undefined && (prev.validTo === undefined || prev.validTo >= p.validFrom))
        problems.push(`${g.fagkode}: UVM-prøve periods overlap from ${p.validFrom}`);
    });
  }
  return problems;
}
