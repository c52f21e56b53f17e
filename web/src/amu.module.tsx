/** AMU (seed 000): course participations and the quarterly report. */
import type { WebModule } from "./modules.tsx";
import { match } from "./router.tsx";
import { ParticipationsPage } from "./pages/Participations.tsx";
import { ParticipationPage } from "./pages/Participation.tsx";
import { ReportsPage } from "./pages/Reports.tsx";

export const amuModule: WebModule = {
  id: "amu",
  name: { da: "AMU", en: "AMU" },
  home: "/amu/participations",
  nav: [
    { to: "/amu/participations", label: { da: "Kursusdeltagelser", en: "Participations" }, testid: "nav-participations", active: (p) => p.startsWith("/amu/participations") },
    { to: "/amu/reports", label: { da: "Kvartalsindberetning", en: "Quarterly report" }, testid: "nav-reports", active: (p) => p.startsWith("/amu/reports") },
  ],
  page(path, query, session) {
    let m: Record<string, string> | null;
    if (path === "/amu/participations") return <ParticipationsPage session={session} query={query} />;
    if (path === "/amu/participations/new") return <ParticipationPage session={session} id={null} />;
    if ((m = match("/amu/participations/:id", path))) return <ParticipationPage key={m.id} session={session} id={m.id!} />;
    if (path === "/amu/reports") return <ReportsPage session={session} query={query} reportId={null} />;
    if ((m = match("/amu/reports/:id", path))) return <ReportsPage key={m.id} session={session} query={query} reportId={m.id!} />;
    return null;
  },
  afterSwitch(path) {
    if (match("/amu/participations/:id", path)) return "/amu/participations";
    if (match("/amu/reports/:id", path)) return "/amu/reports";
    return null;
  },
};
