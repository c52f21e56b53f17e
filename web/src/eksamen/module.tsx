/**
 * Prøver og eksamen (seed 002, eksamensbekendtgørelsen): the term plan with registrations and censor assignment,
 * exams with grade entry, examinees with the diploma preview and documents, complaint cases with their deadline
 * clock, appeals of other decisions (§ 55), the censors, the reference data (subjects, teachers, teams) and the CSV
 * imports. API: /api/eksamen (src/rulebooks/dk-eksamen/API.md).
 */
import type { WebModule } from "../modules.tsx";
import { match } from "../router.tsx";
import { AppealPage, AppealsPage } from "./appeals.tsx";
import { SubjectsPage, TeachersPage, TeamsPage } from "./catalogue.tsx";
import { CensorPage, CensorsPage } from "./censors.tsx";
import { ComplaintPage, ComplaintsPage } from "./complaints.tsx";
import { ExamPage } from "./exam.tsx";
import { ExamineePage, ExamineesPage } from "./examinees.tsx";
import { ImportsPage } from "./imports.tsx";
import { TermPage, TermsPage } from "./terms.tsx";

const NAV = {
  terms: { da: "Terminer", en: "Terms" },
  examinees: { da: "Eksaminander", en: "Examinees" },
  complaints: { da: "Klager", en: "Complaints" },
  appeals: { da: "Klager over afgørelser (§ 55)", en: "Appeals (§ 55)" },
  censors: { da: "Censorer", en: "Censors" },
  catalogue: { da: "Stamdata", en: "Reference data" },
  imports: { da: "Import", en: "Import" },
};

/** The reference-data pages (catalogue.tsx) share one nav item; the pages link to each other. */
const CATALOGUE = ["/eksamen/subjects", "/eksamen/teachers", "/eksamen/teams"];

export const eksamenModule: WebModule = {
  id: "eksamen",
  name: { da: "Prøver og eksamen", en: "Exams" },
  home: "/eksamen",
  nav: [
    { to: "/eksamen", label: NAV.terms, testid: "nav-eksamen-terms", active: (p) => p === "/eksamen" || p.startsWith("/eksamen/terms") || p.startsWith("/eksamen/exams") },
    { to: "/eksamen/examinees", label: NAV.examinees, testid: "nav-eksamen-examinees", active: (p) => p.startsWith("/eksamen/examinees") },
    { to: "/eksamen/complaints", label: NAV.complaints, testid: "nav-eksamen-complaints", active: (p) => p.startsWith("/eksamen/complaints") },
    { to: "/eksamen/appeals", label: NAV.appeals, testid: "nav-eksamen-appeals", active: (p) => p.startsWith("/eksamen/appeals") },
    { to: "/eksamen/censors", label: NAV.censors, testid: "nav-eksamen-censors", active: (p) => p.startsWith("/eksamen/censors") },
    { to: "/eksamen/subjects", label: NAV.catalogue, testid: "nav-eksamen-catalogue", active: (p) => CATALOGUE.some((c) => p === c || p.startsWith(`${c}/`)) },
    { to: "/eksamen/imports", label: NAV.imports, testid: "nav-eksamen-imports", active: (p) => p.startsWith("/eksamen/imports") },
  ],
  page(path, _query, session) {
    let m: Record<string, string> | null;
    if (path === "/eksamen") return <TermsPage session={session} />;
    if ((m = match("/eksamen/terms/:id", path))) return <TermPage key={m.id} session={session} id={m.id!} />;
    if ((m = match("/eksamen/exams/:id", path))) return <ExamPage key={m.id} session={session} id={m.id!} />;
    if (path === "/eksamen/examinees") return <ExamineesPage session={session} />;
    if ((m = match("/eksamen/examinees/:id", path))) return <ExamineePage key={m.id} session={session} id={m.id!} />;
    if (path === "/eksamen/complaints") return <ComplaintsPage />;
    if ((m = match("/eksamen/complaints/:id", path))) return <ComplaintPage key={m.id} session={session} id={m.id!} />;
    if (path === "/eksamen/appeals") return <AppealsPage session={session} />;
    if ((m = match("/eksamen/appeals/:id", path))) return <AppealPage key={m.id} session={session} id={m.id!} />;
    if (path === "/eksamen/censors") return <CensorsPage session={session} />;
    if ((m = match("/eksamen/censors/:id", path))) return <CensorPage key={m.id} session={session} id={m.id!} />;
    if (path === "/eksamen/subjects") return <SubjectsPage session={session} />;
    if (path === "/eksamen/teachers") return <TeachersPage session={session} />;
    if (path === "/eksamen/teams") return <TeamsPage session={session} />;
    if (path === "/eksamen/imports") return <ImportsPage session={session} />;
    return null;
  },
  afterSwitch(path) {
    if (path.startsWith("/eksamen/examinees/")) return "/eksamen/examinees";
    if (path.startsWith("/eksamen/complaints/")) return "/eksamen/complaints";
    if (path.startsWith("/eksamen/appeals/")) return "/eksamen/appeals";
    if (path.startsWith("/eksamen/censors/")) return "/eksamen/censors";
    if (path.startsWith("/eksamen/terms/") || path.startsWith("/eksamen/exams/")) return "/eksamen";
    return null;
  },
};
