/** The shell: session, language, header with the institution switcher, and the pages. */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import { ApiError, get, post, setUnauthorizedHandler, WRITE_ROLES, type Me, type Role } from "./api.ts";
import { Banner, Spinner } from "./components.tsx";
import { findingText, I18nContext, translator, useI18n, type UiLang } from "./i18n.tsx";
import { Link, navigate, useLocation } from "./router.tsx";
import { MODULES, moduleOf } from "./modules.tsx";

const LANG_KEY = "bevis.lang";

function initialLang(): UiLang {
  const saved = window.localStorage.getItem(LANG_KEY);
  return saved === "en" || saved === "da" ? saved : "da";
}

export interface Session {
  me: Me;
  roles: Role[];
  canWrite: boolean;
}

export function App() {
  const [lang, setLangState] = useState<UiLang>(initialLang);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [bootError, setBootError] = useState<unknown>(null);

  const setLang = useCallback((l: UiLang) => {
    window.localStorage.setItem(LANG_KEY, l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const i18n = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang, setLang]);

  const loadMe = useCallback(() => {
    setBootError(null);
    get<Me>("/api/auth/me")
      .then(setMe)
      .catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 401) setMe(null);
        else setBootError(e);
      });
  }, []);

  useEffect(() => {
    loadMe();
    setUnauthorizedHandler(() => setMe(null));
  }, [loadMe]);

  let body;
  if (bootError) {
    body = (
      <main className="page narrow" id="main">
        <Banner kind="error" title={i18n.t("app.error")}>
          <p>{String((bootError as Error).message ?? bootError)}</p>
          <button type="button" onClick={loadMe}>
            {i18n.t("app.retry")}
          </button>
        </Banner>
      </main>
    );
  } else if (me === undefined) {
    body = (
      <main className="page narrow" id="main">
        <Spinner />
      </main>
    );
  } else if (me === null) {
    body = <LoginPage onLoggedIn={setMe} />;
  } else {
    body = <Shell me={me} setMe={setMe} />;
  }

  return <I18nContext.Provider value={i18n}>{body}</I18nContext.Provider>;
}

function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailed(null);
    try {
      onLoggedIn(await post<Me>("/api/auth/login", { email, password }));
    } catch (err) {
      // 429: too many failed logins (docs/decisions/0005-login-throttling.md); the server's finding says how long, in the user's language
      if (err instanceof ApiError && err.status === 429 && err.findings[0]) setFailed(findingText(err.findings[0], lang));
      else setFailed(err instanceof ApiError && (err.status === 401 || err.status === 400 || err.status === 403) ? t("login.failed") : String((err as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-wrap">
      <LangSwitch />
      <main className="login-card" id="main">
        <div className="brand brand-large">
          <Logo />
          <span>
            <strong>{t("app.name")}</strong>
            <small>{t("app.tagline")}</small>
          </span>
        </div>
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.intro")}</p>
        <form onSubmit={submit} data-testid="login-form" noValidate>
          <div className="field">
            <label htmlFor="login-email">{t("login.email")}</label>
            <input id="login-email" data-testid="login-email" type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t("login.password")}</label>
            <input id="login-password" data-testid="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          {failed && (
            <Banner kind="error" testid="login-error">
              {failed}
            </Banner>
          )}
          <button type="submit" className="primary" data-testid="login-submit" disabled={busy}>
            {busy ? t("login.busy") : t("login.submit")}
          </button>
        </form>
      </main>
    </div>
  );
}

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#1d3f6e" />
      <path d="M9 17l5 5 9-11" stroke="#fff" strokeWidth="3.5" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t("header.language")} data-testid="lang-switch">
      {(["da", "en"] as const).map((l) => (
        <button key={l} type="button" className={lang === l ? "active" : ""} aria-pressed={lang === l} onClick={() => setLang(l)} lang={l} data-testid={`lang-${l}`}>
          {l === "da" ? "Dansk" : "English"}
        </button>
      ))}
    </div>
  );
}

function Shell({ me, setMe }: { me: Me; setMe: (me: Me | null) => void }) {
  const { t, lang } = useI18n();
  const loc = useLocation();
  const [switching, setSwitching] = useState(false);
  const [switchError, setSwitchError] = useState<unknown>(null);
  const inst = me.institutions.find((i) => i.id === me.current);
  const roles = inst?.roles ?? [];
  const session: Session = { me, roles, canWrite: roles.some((r) => WRITE_ROLES.includes(r)) };

  const switchTo = async (institutionId: string) => {
    setSwitching(true);
    setSwitchError(null);
    try {
      const next = await post<Me>("/api/auth/switch", { institutionId });
      setMe(next);
      // An entity of the other institution does not exist there: the module says which list to go back to.
      const back = moduleOf(loc.path)?.afterSwitch?.(loc.path);
      if (back) navigate(back);
    } catch (e) {
      setSwitchError(e);
    } finally {
      setSwitching(false);
    }
  };

  const logout = async () => {
    try {
      await post("/api/auth/logout");
    } finally {
      setMe(null);
      navigate("/");
    }
  };

  useEffect(() => {
    if (loc.path === "/" || loc.path === "/index.html") navigate(MODULES[0]!.home, { replace: true });
  }, [loc.path]);

  const current = moduleOf(loc.path);
  let page = current?.page(loc.path, loc.query, session) ?? null;
  if (page === null) page = loc.path === "/" || loc.path === "/index.html" ? <Spinner /> : <p>{t("app.notFound")}</p>;

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skip")}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to={MODULES[0]!.home} className="brand" aria-label="bevis">
            <Logo />
            <span>
              <strong>{t("app.name")}</strong>
              <small>{current ? current.name[lang] : ""}</small>
            </span>
          </Link>
          {MODULES.length > 1 ? (
            <nav aria-label={t("nav.modules")} className="mainnav">
              {MODULES.map((m) => (
                <Link key={m.id} to={m.home} aria-current={m === current ? "page" : undefined} data-testid={`nav-module-${m.id}`}>
                  {m.name[lang]}
                </Link>
              ))}
            </nav>
          ) : null}
          <div className="topbar-tools">
            <label className="inst-switch">
              <span className="visually-hidden">{t("header.institution")}</span>
              <select data-testid="institution-switcher" value={me.current} disabled={switching || me.institutions.length < 2} onChange={(e) => void switchTo(e.target.value)}>
                {me.institutions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
              </select>
            </label>
            <LangSwitch />
            <span className="user" data-testid="current-user" title={me.user.email}>
              <span className="visually-hidden">{t("header.user")} </span>
              {me.user.name}
              <small>{roles.map((r) => t(`role.${r}`)).join(", ")}</small>
            </span>
            <button type="button" className="ghost" onClick={() => void logout()} data-testid="logout">
              {t("header.logout")}
            </button>
          </div>
        </div>
      </header>
      {current && current.nav.length > 0 ? (
        <nav aria-label={t("nav.main")} className="subnav">
          <div className="subnav-inner">
            {current.nav.map((n) => (
              <Link key={n.to} to={n.to} aria-current={n.active(loc.path) ? "page" : undefined} data-testid={n.testid}>
                {n.label[lang]}
              </Link>
            ))}
          </div>
        </nav>
      ) : null}
      {switchError ? (
        <div className="page">
          <Banner kind="error" title={t("app.error")}>
            {String((switchError as Error).message)}
          </Banner>
        </div>
      ) : null}
      <main className="page" id="main" tabIndex={-1} key={me.current} data-institution={me.current}>
        {page}
      </main>
    </>
  );
}
