/** The report queries the console sends, and the shapes it reads back (schema/schema.graphql). */

export interface Named {
  id: string;
  name: string;
}

export interface OfficerName {
  id: string;
  firstName: string;
  lastName: string;
  rank: string;
  agency?: Named;
}

/** A chief's figures about other agencies may be withheld: null, with `suppressed` true. */
export interface Figures {
  activities: number | null;
  minutes: number | null;
  hours: number | null;
  studentsReached: number | null;
  staffReached: number | null;
  suppressed: boolean;
}

export interface SmallCellRule {
  minOfficers: number;
  minActivities: number;
}

const FIGURES = 'activities minutes hours studentsReached staffReached suppressed';

export const COVERAGE_REPORT = `query CoverageReport($date: Date, $filter: CoverageFilter) {
  coverageReport(date: $date, filter: $filter) {
    date
    summary {
      schools enrollment officers totalFte enrollmentPerSroFte
      byStatus { covered partial uncovered noSchool }
      byAgency { agency { id name } schoolsServed officers fte }
    }
    schools {
      school { id name level locale enrollment }
      status totalFte enrollmentPerSroFte
      officers {
        assignmentId role fte startDate endDate officer { id firstName lastName rank } agency { id name }
        substituteFor { id firstName lastName rank }
      }
      absent {
        assignmentId role fte officer { id firstName lastName rank } agency { id name }
        substitutedBy { id firstName lastName rank }
      }
    }
  }
}`;

export interface CoverageOfficer {
  assignmentId: string;
  role: string;
  fte: number;
  startDate: string;
  endDate: string | null;
  officer: OfficerName;
  agency: Named;
  /** Serving in place of this absent officer. */
  substituteFor: OfficerName | null;
}

/** An assigned officer away on the date, and who stands in for it. */
export interface AbsentOfficer {
  assignmentId: string;
  role: string;
  fte: number;
  officer: OfficerName;
  agency: Named;
  substitutedBy: OfficerName | null;
}

export interface SchoolCoverage {
  school: { id: string; name: string; level: string; locale: string; enrollment: number };
  status: 'COVERED' | 'PARTIAL' | 'UNCOVERED' | 'NO_SCHOOL';
  totalFte: number;
  enrollmentPerSroFte: number | null;
  officers: CoverageOfficer[];
  absent: AbsentOfficer[];
}

export interface CoverageReport {
  date: string;
  summary: {
    schools: number;
    enrollment: number;
    officers: number;
    totalFte: number;
    enrollmentPerSroFte: number | null;
    byStatus: { covered: number; partial: number; uncovered: number; noSchool: number };
    byAgency: { agency: Named; schoolsServed: number; officers: number; fte: number }[];
  };
  schools: SchoolCoverage[];
}

export const ACTIVITY_REPORT = `query ActivityReport($from: Date, $to: Date, $preset: PeriodPreset, $programYear: Int, $quarter: Int, $interval: SeriesInterval!, $compareTo: ComparisonPeriod, $filter: ActivityReportFilter) {
  activityReport(from: $from, to: $to, preset: $preset, programYear: $programYear, quarter: $quarter, interval: $interval, compareTo: $compareTo, filter: $filter) {
    period { from to days label }
    interval
    compareTo
    scope { kind agencyId officerId }
    smallCells { minOfficers minActivities }
    totals { ${FIGURES} }
    change {
      activities { absolute percent suppressed }
      hours { absolute percent suppressed }
      studentsReached { absolute percent suppressed }
      staffReached { absolute percent suppressed }
    }
    previous { period { from to label } totals { ${FIGURES} } }
    series { from to ${FIGURES} }
    byCategory { category ${FIGURES} }
    byTopic { topic ${FIGURES} }
    byAgency { agency { id name } ${FIGURES} }
    bySchool { school { id name } ${FIGURES} }
    byOfficer { officer { id firstName lastName rank } ${FIGURES} }
  }
}`;

export interface Change {
  absolute: number | null;
  percent: number | null;
  suppressed: boolean;
}

export interface ActivityReport {
  period: { from: string; to: string; days: number; label: string };
  interval: 'WEEK' | 'MONTH';
  compareTo: 'PREVIOUS_PERIOD' | 'PREVIOUS_QUARTER' | 'SAME_PERIOD_LAST_YEAR';
  scope: { kind: 'DISTRICT' | 'AGENCY' | 'OFFICER'; agencyId: string | null; officerId: string | null };
  smallCells: SmallCellRule;
  totals: Figures;
  change: { activities: Change; hours: Change; studentsReached: Change; staffReached: Change };
  previous: { period: { from: string; to: string; label: string }; totals: Figures };
  series: (Figures & { from: string; to: string })[];
  byCategory: (Figures & { category: string })[];
  byTopic: (Figures & { topic: string })[];
  byAgency: (Figures & { agency: Named })[];
  bySchool: (Figures & { school: Named | null })[];
  byOfficer: (Figures & { officer: OfficerName })[];
}

export const STAFFING_REPORT = `query StaffingReport($date: Date, $filter: StaffingFilter) {
  staffingReport(date: $date, filter: $filter) {
    date endingWithinDays endingBy
    scope { kind agencyId }
    totals { activeOfficers assignedOfficers unassignedOfficers totalFte schoolsServed assignmentsEnding }
    agencies { agency { id name } activeOfficers assignedOfficers unassignedOfficers totalFte schoolsServed assignmentsEnding }
    unassignedOfficers { id firstName lastName rank agency { id name } }
    endingAssignments { id role endDate fte officer { id firstName lastName rank agency { id name } } school { id name } }
  }
}`;

export interface StaffingFigures {
  activeOfficers: number;
  assignedOfficers: number;
  unassignedOfficers: number;
  totalFte: number;
  schoolsServed: number;
  assignmentsEnding: number;
}

export interface StaffingReport {
  date: string;
  endingWithinDays: number;
  endingBy: string;
  scope: { kind: string; agencyId: string | null };
  totals: StaffingFigures;
  agencies: (StaffingFigures & { agency: Named })[];
  unassignedOfficers: OfficerName[];
  endingAssignments: { id: string; role: string; endDate: string; fte: number; officer: OfficerName; school: Named }[];
}

/** Drops empty values so that variables and CSV links carry only the filters in use. */
export function compact(values: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') result[key] = String(value);
  }
  return result;
}

/** A CSV export link with the same filters as the page (the server streams it with the same role scoping). */
export function exportUrl(report: 'coverage' | 'activity' | 'staffing', parameters: Record<string, unknown>): string {
  const query = new URLSearchParams(compact(parameters)).toString();
  return `/export/${report}.csv${query ? `?${query}` : ''}`;
}

/** The dashboard's coming gaps: the uncovered school-days of a period ahead (coveragePeriodReport). */
export const COMING_GAPS = `query ComingGaps($from: Date!, $to: Date!) {
  coveragePeriodReport(from: $from, to: $to) { gaps { date school { id name } } }
}`;

export interface ComingGapsAnswer {
  coveragePeriodReport: { gaps: { date: string; school: { id: string; name: string } }[] };
}
