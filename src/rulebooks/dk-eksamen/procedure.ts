/**
 * Shared helpers of the procedural rules of seed 002 (access, conduct, censors, errors, complaints): the finding helper
 * (the rulebook's `exFinding`), the Danish holiday calendar used for every weekday count and for rolling the
 * examinee's deadlines, and the education groups the order names. Types come from `model.ts`.
 */
import { DK_HOLIDAYS } from "../../kernel/time/holidays.ts";
import type { HolidayCalendar } from "../../kernel/time/deadline.ts";
import { exFinding } from "./cite.ts";
import { GYMNASIAL_OR_EUX, LEVEL_RANK, type Education, type Level } from "./model.ts";

/** The finding helper of the rulebook (rule id "eksamen.<name>", English and Danish text). */
export const f002 = exFinding;

/** The calendar for "hverdage" (§ 12, stk. 4) and for rolling the complainant's deadlines (see docs, decisions). */
export const EXAM_CALENDAR: HolidayCalendar = DK_HOLIDAYS;

export const isHigherLevel = (a: Level, than: Level): boolean => LEVEL_RANK[a] > LEVEL_RANK[than];

/** "de 2- og 3-årige gymnasiale uddannelser eller et eux-forløb" (§ 7, stk. 2, § 10, stk. 1). */
export const isGymnasialOrEux = (e: Education): boolean => GYMNASIAL_OR_EUX.includes(e);
