/**
 * Complaints about the institution's other decisions (§ 55, seed 002): the list of appeal cases with their next
 * deadline, and one case with its deadline clock. API: /api/eksamen/appeals (src/rulebooks/dk-eksamen/API.md).
 * First version: list and case heading; the forms follow.
 */
import type { Session } from "../App.tsx";
import { ProblemBanner, Spinner } from "../components.tsx";
import { useTexts } from "../i18n.tsx";
import { Link } from "../router.tsx";
import { API, useLoad } from "./types.ts";

const TEXTS = {
  da: { title: "Klager over afgørelser (§ 55)", none: "Ingen klager.", appeal: "Klage", back: "Klager over afgørelser" },
  en: { title: "Appeals (§ 55)", none: "No appeals.", appeal: "Appeal", back: "Appeals" },
};

interface AppealSummaryWire {
  id: string;
  examineeName: string;
  state: string;
}

export function AppealsPage({ session }: { session: Session }) {
  const t = useTexts(TEXTS);
  const { data, error } = useLoad<AppealSummaryWire[]>(`${API}/appeals`);
  void session;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("title")}</h1>
      </div>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : data.length === 0 ? (
        <p className="card">{t("none")}</p>
      ) : (
        <ul className="card">
          {data.map((a) => (
            <li key={a.id}>
              <Link to={`/eksamen/appeals/${a.id}`}>{a.examineeName}</Link> — {a.state}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AppealPage({ session, id }: { session: Session; id: string }) {
  const t = useTexts(TEXTS);
  const { data, error } = useLoad<{ case: { id: string; state: string } }>(`${API}/appeals/${encodeURIComponent(id)}`);
  void session;
  if (error) return <ProblemBanner error={error} />;
  if (!data) return <Spinner />;
  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/eksamen/appeals">← {t("back")}</Link>
      </p>
      <h1>
        {t("appeal")} — {data.case.state}
      </h1>
    </div>
  );
}
