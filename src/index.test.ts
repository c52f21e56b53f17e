import { describe, expect, it } from "vitest";
import * as bevis from "./index.ts";

describe("library entry", () => {
  it("exposes the kernel and each rulebook's pure decisions without a server", () => {
    expect(bevis.parseCpr("010203-1234").value).toBe("0102031234");
    expect(typeof bevis.amu.resultGroup).toBe("function");
    expect(typeof bevis.amu.selectForReport).toBe("function");
    expect(typeof bevis.aub.unitQuarterContribution).toBe("function");
    expect(typeof bevis.sprogprove.checkReport).toBe("function");
    expect(typeof bevis.eksamen.examResult).toBe("function");
    expect(typeof bevis.eksamen.complaintDeadlines).toBe("function");
    expect(typeof bevis.vitnemal.decideContent).toBe("function");
    expect(typeof bevis.vitnemal.applyRules).toBe("function");
    expect(typeof bevis.vitnemal.layout.arrangeDocument).toBe("function");
  });
  it("decides an AMU group with its citation", () => {
    const d = bevis.amu.resultGroup(
      {
        id: "x", providerId: "p", outsourcedTo: null, cpr: "0102031234", fagkode: "40080", startDate: "2024-01-08",
        endDate: "2024-01-10", status: "ended", euEfteruddannelse: false, industryCertificate: false, emergencyTeaching: "none",
        forloebId: null, subCourses: [], resultatProevebelagt: null, resultatIkkeProevebelagt: 1, ejRelevant: false, retakes: [],
        ikvCompetenceFagkoder: [], version: 1,
      },
      undefined,
    );
    expect(d.value).toBe(2);
    expect(d.because.some((f) => f.cite.seed === "000" && f.cite.ref.startsWith("4"))).toBe(true);
  });
});
