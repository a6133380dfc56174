import { dayCount } from './reports-expected';
import type { Value } from './reports-export-csv';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
type Rows = Record<string, Value>[];

/** One part as the test expects it: its header (as docs/reports.md documents it) and its rows from the GraphQL answer. */
export interface ExpectedPart {
  columns: string[];
  rows: (report: Json) => Rows;
}

const FIGURES = ['activities', 'minutes', 'hours', 'students_reached', 'staff_reached', 'suppressed'];
const figures = (entry: Json) => ({
  activities: entry.activities,
  minutes: entry.minutes,
  hours: entry.hours,
  students_reached: entry.studentsReached,
  staff_reached: entry.staffReached,
  suppressed: entry.suppressed,
});

/** The current period's rows, then the comparison period's. */
const bothPeriods = (report: Json, rows: (part: Json) => Rows): Rows =>
  (
    [
      ['current', report],
      ['previous', report.previous],
    ] as const
  ).flatMap(([period, part]) => rows(part).map((row) => ({ period, period_from: part.period.from, period_to: part.period.to, ...row })));

const PERIOD = ['period', 'period_from', 'period_to'];
const OFFICER = ['officer_id', 'officer_first_name', 'officer_last_name', 'rank', 'agency_id', 'agency'];
const officer = (entry: Json) => ({
  officer_id: entry.id,
  officer_first_name: entry.firstName,
  officer_last_name: entry.lastName,
  rank: entry.rank,
  agency_id: entry.agency.id,
  agency: entry.agency.name,
});

export const ACTIVITY_PARTS: Record<string, ExpectedPart> = {
  totals: {
    columns: [...PERIOD, 'label', 'days', ...FIGURES],
    rows: (report) => bothPeriods(report, (part) => [{ label: part.period.label, days: part.period.days, ...figures(part.totals) }]),
  },
  change: {
    columns: [
      'figure',
      'current',
      'previous',
      'absolute',
      'percent',
      'suppressed',
      'current_from',
      'current_to',
      'previous_from',
      'previous_to',
    ],
    rows: (report) =>
      (
        [
          ['activities', 'activities'],
          ['minutes', 'minutes'],
          ['hours', 'hours'],
          ['students_reached', 'studentsReached'],
          ['staff_reached', 'staffReached'],
        ] as const
      ).map(([figure, field]) => ({
        figure,
        current: report.totals[field],
        previous: report.previous.totals[field],
        absolute: report.change[field].absolute,
        percent: report.change[field].percent,
        suppressed: report.change[field].suppressed,
        current_from: report.period.from,
        current_to: report.period.to,
        previous_from: report.previous.period.from,
        previous_to: report.previous.period.to,
      })),
  },
  byCategory: {
    columns: [...PERIOD, 'category', ...FIGURES],
    rows: (report) =>
      bothPeriods(report, (part) => part.byCategory.map((entry: Json) => ({ category: entry.category, ...figures(entry) }))),
  },
  byTopic: {
    columns: [...PERIOD, 'topic', ...FIGURES],
    rows: (report) => bothPeriods(report, (part) => part.byTopic.map((entry: Json) => ({ topic: entry.topic, ...figures(entry) }))),
  },
  byAgency: {
    columns: [...PERIOD, 'agency_id', 'agency', ...FIGURES],
    rows: (report) =>
      bothPeriods(report, (part) =>
        part.byAgency.map((entry: Json) => ({ agency_id: entry.agency.id, agency: entry.agency.name, ...figures(entry) })),
      ),
  },
  bySchool: {
    columns: [...PERIOD, 'school_id', 'school', 'level', 'locale', 'district_wide', ...FIGURES],
    rows: (report) =>
      bothPeriods(report, (part) =>
        part.bySchool.map((entry: Json) => ({
          school_id: entry.school?.id,
          school: entry.school?.name,
          level: entry.school?.level,
          locale: entry.school?.locale,
          district_wide: entry.school === null,
          ...figures(entry),
        })),
      ),
  },
  byOfficer: {
    columns: [...PERIOD, ...OFFICER, ...FIGURES],
    rows: (report) =>
      bothPeriods(report, (part) => part.byOfficer.map((entry: Json) => ({ ...officer(entry.officer), ...figures(entry) }))),
  },
  series: {
    columns: [...PERIOD, 'interval', 'from', 'to', ...FIGURES],
    rows: (report) =>
      bothPeriods(report, (part) =>
        part.series.map((entry: Json) => ({ interval: report.interval, from: entry.from, to: entry.to, ...figures(entry) })),
      ),
  },
};

const FIGURE_FIELDS = 'activities minutes hours studentsReached staffReached suppressed';
const PERIOD_FIELDS = `period { from to days label }
  totals { ${FIGURE_FIELDS} }
  byCategory { category ${FIGURE_FIELDS} }
  byTopic { topic ${FIGURE_FIELDS} }
  byAgency { agency { id name } ${FIGURE_FIELDS} }
  bySchool { school { id name level locale } ${FIGURE_FIELDS} }
  byOfficer { officer { id firstName lastName rank agency { id name } } ${FIGURE_FIELDS} }
  series { from to ${FIGURE_FIELDS} }`;
const CHANGE = ['activities', 'minutes', 'hours', 'studentsReached', 'staffReached']
  .map((key) => `${key} { absolute percent suppressed }`)
  .join(' ');

/** What the activity parts need of the answer. */
export const ACTIVITY_PARTS_REPORT = `query($from: Date, $to: Date, $programYear: Int, $quarter: Int, $filter: ActivityReportFilter, $interval: SeriesInterval, $compareTo: ComparisonPeriod) {
  activityReport(from: $from, to: $to, programYear: $programYear, quarter: $quarter, filter: $filter, interval: $interval, compareTo: $compareTo) {
    interval ${PERIOD_FIELDS} previous { ${PERIOD_FIELDS} } change { ${CHANGE} }
  }
}`;

const SCHOOL = ['school_id', 'school', 'nces_id', 'level', 'locale', 'enrollment', 'status', 'total_fte', 'enrollment_per_sro_fte'];

/** An officer's assignment at a school, as the officers and absent parts both give it. */
const ASSIGNMENT = [
  'assignment_id',
  'officer_id',
  'officer_first_name',
  'officer_last_name',
  'rank',
  'agency_id',
  'agency',
  'role',
  'fte',
  'start_date',
  'end_date',
];
const assignmentCells = (assignment: Json) => ({
  assignment_id: assignment.assignmentId,
  ...officer({ ...assignment.officer, agency: assignment.agency }),
  role: assignment.role,
  fte: assignment.fte,
  start_date: assignment.startDate,
  end_date: assignment.endDate,
});
const school = (entry: Json) => ({
  school_id: entry.school.id,
  school: entry.school.name,
  nces_id: entry.school.ncesId,
  level: entry.school.level,
  locale: entry.school.locale,
  enrollment: entry.school.enrollment,
  status: entry.status,
  total_fte: entry.totalFte,
  enrollment_per_sro_fte: entry.enrollmentPerSroFte,
});

export const COVERAGE_PARTS: Record<string, ExpectedPart> = {
  summary: {
    columns: [
      'date',
      'schools',
      'enrollment',
      'officers',
      'total_fte',
      'enrollment_per_sro_fte',
      'covered',
      'partial',
      'uncovered',
      'no_school',
    ],
    rows: ({ date, summary }) => [
      {
        date,
        schools: summary.schools,
        enrollment: summary.enrollment,
        officers: summary.officers,
        total_fte: summary.totalFte,
        enrollment_per_sro_fte: summary.enrollmentPerSroFte,
        covered: summary.byStatus.covered,
        partial: summary.byStatus.partial,
        uncovered: summary.byStatus.uncovered,
        no_school: summary.byStatus.noSchool,
      },
    ],
  },
  byStatus: {
    columns: ['date', 'status', 'schools'],
    rows: ({ date, summary }) =>
      [
        ['COVERED', 'covered'],
        ['PARTIAL', 'partial'],
        ['UNCOVERED', 'uncovered'],
        ['NO_SCHOOL', 'noSchool'],
      ].map(([status, field]) => ({ date, status, schools: summary.byStatus[field] })),
  },
  byAgency: {
    columns: ['date', 'agency_id', 'agency', 'schools_served', 'officers', 'fte'],
    rows: ({ date, summary }) =>
      summary.byAgency.map((entry: Json) => ({
        date,
        agency_id: entry.agency.id,
        agency: entry.agency.name,
        schools_served: entry.schoolsServed,
        officers: entry.officers,
        fte: entry.fte,
      })),
  },
  schools: {
    columns: ['date', ...SCHOOL],
    rows: ({ date, schools }) => schools.map((entry: Json) => ({ date, ...school(entry) })),
  },
  officers: {
    columns: ['date', ...SCHOOL, ...ASSIGNMENT, 'substitute_for_officer_id'],
    rows: ({ date, schools }) =>
      schools.flatMap((entry: Json) =>
        entry.officers.map((assignment: Json) => ({
          date,
          ...school(entry),
          ...assignmentCells(assignment),
          substitute_for_officer_id: assignment.substituteFor?.id ?? null,
        })),
      ),
  },
  absent: {
    columns: ['date', ...SCHOOL, ...ASSIGNMENT, 'substituted_by_officer_id'],
    rows: ({ date, schools }) =>
      schools.flatMap((entry: Json) =>
        entry.absent.map((assignment: Json) => ({
          date,
          ...school(entry),
          ...assignmentCells(assignment),
          substituted_by_officer_id: assignment.substitutedBy?.id ?? null,
        })),
      ),
  },
};

export const COVERAGE_PARTS_REPORT = `query($date: Date, $filter: CoverageFilter) {
  coverageReport(date: $date, filter: $filter) {
    date
    summary {
      schools enrollment byStatus { covered partial uncovered noSchool } officers totalFte enrollmentPerSroFte
      byAgency { agency { id name } schoolsServed officers fte }
    }
    schools {
      school { id name ncesId level locale enrollment } status totalFte enrollmentPerSroFte
      officers { assignmentId officer { id firstName lastName rank } agency { id name } role fte startDate endDate substituteFor { id } }
      absent { assignmentId officer { id firstName lastName rank } agency { id name } role fte startDate endDate substitutedBy { id } }
    }
  }
}`;

const COUNTS = ['active_officers', 'assigned_officers', 'unassigned_officers', 'total_fte', 'schools_served', 'assignments_ending'];
const counts = (entry: Json) => ({
  active_officers: entry.activeOfficers,
  assigned_officers: entry.assignedOfficers,
  unassigned_officers: entry.unassignedOfficers,
  total_fte: entry.totalFte,
  schools_served: entry.schoolsServed,
  assignments_ending: entry.assignmentsEnding,
});

export const STAFFING_PARTS: Record<string, ExpectedPart> = {
  agencies: {
    columns: ['date', 'agency_id', 'agency', ...COUNTS],
    rows: ({ date, agencies }) =>
      agencies.map((entry: Json) => ({ date, agency_id: entry.agency.id, agency: entry.agency.name, ...counts(entry) })),
  },
  totals: {
    columns: ['date', ...COUNTS],
    rows: ({ date, totals }) => [{ date, ...counts(totals) }],
  },
  unassignedOfficers: {
    columns: ['date', ...OFFICER],
    rows: ({ date, unassignedOfficers }) => unassignedOfficers.map((entry: Json) => ({ date, ...officer(entry) })),
  },
  endingAssignments: {
    columns: [
      'date',
      'assignment_id',
      ...OFFICER,
      'school_id',
      'school',
      'level',
      'locale',
      'role',
      'fte',
      'start_date',
      'end_date',
      'days_left',
    ],
    rows: ({ date, endingAssignments }) =>
      endingAssignments.map((entry: Json) => ({
        date,
        assignment_id: entry.id,
        ...officer(entry.officer),
        school_id: entry.school.id,
        school: entry.school.name,
        level: entry.school.level,
        locale: entry.school.locale,
        role: entry.role,
        fte: entry.fte,
        start_date: entry.startDate,
        end_date: entry.endDate,
        days_left: dayCount(date, entry.endDate) - 1,
      })),
  },
};

export const STAFFING_PARTS_REPORT = `query($date: Date, $filter: StaffingFilter) {
  staffingReport(date: $date, filter: $filter) {
    date
    agencies { agency { id name } activeOfficers assignedOfficers unassignedOfficers totalFte schoolsServed assignmentsEnding }
    totals { activeOfficers assignedOfficers unassignedOfficers totalFte schoolsServed assignmentsEnding }
    unassignedOfficers { id firstName lastName rank agency { id name } }
    endingAssignments { id role fte startDate endDate officer { id firstName lastName rank agency { id name } } school { id name level locale } }
  }
}`;
