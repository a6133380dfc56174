import { Role, type Actor } from '../../common/actor';
import { requireRole } from '../../common/policy';

export type ReportName = 'activity' | 'staffing' | 'coverage';

/** One role's rules for the reports: which it may run, whose rows it sees one by one, and small cells. */
export interface ReportRules {
  reports: readonly ReportName[];
  /**
   * Whose activity the figures show in detail (the same rows as activity.policy.ts reads): the whole district,
   * the actor's agency (others only as one aggregate per agency), or the actor's own activity.
   */
  detail: 'DISTRICT' | 'AGENCY' | 'OFFICER';
  /** Whether figures that rest on few officers or activities of other agencies are suppressed (small-cells.ts). */
  suppressesSmallCells: boolean;
}

const ALL_REPORTS: readonly ReportName[] = ['activity', 'staffing', 'coverage'];

/** The reports' authorization table (SPEC.md, "Who uses it"): the report services ask it and nothing else. */
export const REPORT_RULES: Record<Role, ReportRules> = {
  [Role.ADMIN]: { reports: ALL_REPORTS, detail: 'DISTRICT', suppressesSmallCells: false },
  [Role.ANALYST]: { reports: ALL_REPORTS, detail: 'DISTRICT', suppressesSmallCells: false },
  [Role.AGENCY_CHIEF]: { reports: ALL_REPORTS, detail: 'AGENCY', suppressesSmallCells: true },
  [Role.OFFICER]: { reports: ['activity'], detail: 'OFFICER', suppressesSmallCells: false },
};

/** The actor, when its role may run `report`; FORBIDDEN (or UNAUTHENTICATED) otherwise. */
export function requireReport(actor: Actor | null, report: ReportName): Actor {
  const roles = Object.values(Role).filter((role) => REPORT_RULES[role].reports.includes(report));
  return requireRole(actor, ...roles);
}

/**
 * The rows a caller sees one by one. `null` fields restrict nothing. A chief or officer without its agency or
 * officer record gets id 0, which matches no row: fail closed.
 */
export interface Restriction {
  agencyId: number | null;
  officerId: number | null;
}

export function restrictionOf(actor: Actor): Restriction {
  switch (REPORT_RULES[actor.role].detail) {
    case 'AGENCY':
      return { agencyId: actor.agencyId ?? 0, officerId: null };
    case 'OFFICER':
      return { agencyId: null, officerId: actor.officerId ?? 0 };
    default:
      return { agencyId: null, officerId: null };
  }
}

/** Whether a caller's small cells are suppressed: the SQL then also counts what each cell rests on. */
export const countsCells = (actor: Actor): boolean => REPORT_RULES[actor.role].suppressesSmallCells;
