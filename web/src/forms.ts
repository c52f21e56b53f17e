/**
 * The one way a form sends its data: a refusal's findings (the server's rules, each naming its field in `subject`)
 * are kept apart from any other problem (network, 500, 403), so a page shows the findings beside their fields and the
 * rest in a banner. Pages never re-implement a rule; they show what the server said.
 */
import { useState } from "react";
import { ApiError, type Finding } from "./api.ts";

/** Whether a finding is about the field `name` (`subject` is the name, or `name.x` / `name[i]…` below it). */
export function isAbout(f: Finding, name: string): boolean {
  return f.subject === name || (f.subject?.startsWith(`${name}.`) ?? false) || (f.subject?.startsWith(`${name}[`) ?? false);
}

export interface Submit {
  findings: Finding[];
  err: unknown;
  /** The last failure exactly as thrown, a refusal too (for pages that show the whole refusal on top as well). */
  thrown: unknown;
  busy: boolean;
  /** Runs `f`; on a refusal with findings returns undefined and keeps the findings, on another error keeps the error. */
  run<T>(f: () => Promise<T>): Promise<T | undefined>;
  /** The findings about any of these fields. */
  at(...names: string[]): Finding[];
  /** The findings about none of these fields (shown on top of the form). */
  rest(names: readonly string[]): Finding[];
  setErr(e: unknown): void;
  clear(): void;
}

/**
 * A form's submission state. `findingStatuses` limits which HTTP statuses count as a refusal with findings (e.g.
 * `[422]` when a 409 must be shown as "someone else saved first" rather than beside a field); by default any status
 * whose answer carries findings does.
 */
export function useSubmit(opts: { findingStatuses?: readonly number[] } = {}): Submit {
  const [findings, setFindings] = useState<Finding[]>([]);
  const [err, setErr] = useState<unknown>(null);
  const [thrown, setThrown] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const clear = () => {
    setErr(null);
    setThrown(null);
    setFindings([]);
  };
  async function run<T>(f: () => Promise<T>): Promise<T | undefined> {
    clear();
    setBusy(true);
    try {
      return await f();
    } catch (x) {
      setThrown(x);
      if (x instanceof ApiError && x.findings.length > 0 && (!opts.findingStatuses || opts.findingStatuses.includes(x.status))) setFindings(x.findings);
      else setErr(x);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return {
    findings,
    err,
    thrown,
    busy,
    run,
    at: (...names) => findings.filter((f) => names.some((n) => isAbout(f, n))),
    rest: (names) => findings.filter((f) => !names.some((n) => isAbout(f, n))),
    setErr: (e) => {
      setErr(e);
      setThrown(e);
    },
    clear,
  };
}
