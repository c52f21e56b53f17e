/**
 * The web UI's rulebook modules. Each rulebook contributes its navigation and its pages here; the shell (App.tsx)
 * knows no rulebook. To add one: write `web/src/<rulebook>/module.tsx` exporting a `WebModule` and append it below.
 *
 * Texts: a module keeps its own dictionary (`{ da, en }`) and reads it with `useTexts` from i18n.tsx.
 */
import type { ReactNode } from "react";
import type { Session } from "./App.tsx";
import type { UiLang } from "./i18n.tsx";
import { amuModule } from "./amu.module.tsx";
import { sprogproveModule } from "./sprogprove/module.tsx";
import { aubModule } from "./aub/module.tsx";
import { eksamenModule } from "./eksamen/module.tsx";
import { vitnemalModule } from "./vitnemal/module.tsx";

export interface NavItem {
  /** Where the link goes. */
  to: string;
  /** Its label per UI language. */
  label: Record<UiLang, string>;
  /** data-testid of the link (e2e tests click it). */
  testid: string;
  /** Whether the current path belongs to this item (for aria-current). */
  active: (path: string) => boolean;
}

export interface WebModule {
  /** Short id; also the first path segment of its pages (`/amu/…`). */
  id: string;
  /** The module's name in the main navigation. */
  name: Record<UiLang, string>;
  /** The module's start page. */
  home: string;
  /** Its sub-navigation, shown while one of its pages is open. */
  nav: NavItem[];
  /** The page for a path of this module, or null when the path is not one of its pages. */
  page: (path: string, query: URLSearchParams, session: Session) => ReactNode | null;
  /**
   * After the user switches institution, a page showing one entity of the old institution must not stay open:
   * return the list page to go to instead, or null to stay.
   */
  afterSwitch?: (path: string) => string | null;
}

export const MODULES: WebModule[] = [amuModule, sprogproveModule, aubModule, vitnemalModule, eksamenModule];

export const moduleOf = (path: string): WebModule | undefined => MODULES.find((m) => path === `/${m.id}` || path.startsWith(`/${m.id}/`));
