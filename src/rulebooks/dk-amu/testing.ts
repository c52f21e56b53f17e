/**
 * Builders for AMU tests and demo data: a complete Participation / ParticipationInput from a few overrides.
 * Defaults: an ended participation on demo goal 90001 with ResultatProevebelagt 1; callers set their own dates.
 */
import type { Participation } from "./model.ts";
import type { ParticipationInput } from "./service.ts";

export function participationInput(over: Partial<ParticipationInput> = {}): ParticipationInput {
  return {
    cpr: "010190-1234",
    fagkode: "90001",
    startDate: "2024-05-06",
    endDate: "2024-05-10",
    status: "ended",
    outsourcedTo: null,
    euEfteruddannelse: false,
    industryCertificate: false,
    emergencyTeaching: "none",
    forloebId: null,
    subCourses: [],
    resultatProevebelagt: 1,
    resultatIkkeProevebelagt: null,
    ejRelevant: false,
    ikvCompetenceFagkoder: [],
    ...over,
  };
}

export function participation(over: Partial<Participation> = {}): Participation {
  return {
    id: "p1",
    providerId: "inst-a",
    outsourcedTo: null,
    cpr: "0101901234",
    fagkode: "90001",
    startDate: "2024-05-06",
    endDate: "2024-05-10",
    status: "ended",
    euEfteruddannelse: false,
    industryCertificate: false,
    emergencyTeaching: "none",
    forloebId: null,
    subCourses: [],
    resultatProevebelagt: 1,
    resultatIkkeProevebelagt: null,
    ejRelevant: false,
    retakes: [],
    ikvCompetenceFagkoder: [],
    version: 1,
    ...over,
  };
}
