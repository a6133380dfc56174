import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../agency/agency.entity';
import type { Officer } from '../officer/officer.entity';
import type { ActivityFigures, ActivityPeriodReport, ActivityReport } from './activity-report.types';
import { suppressed, type CsvParts, type CsvRow, type CsvTable } from './csv';
import { byId } from './sql';

const officerName = (officer: Officer) => `${officer.lastName}, ${officer.firstName}`;

// A suppressed row's figures are empty cells, marked so that an empty cell is not read as "no data".
const suppressedCell = (suppressed: boolean) => (suppressed ? 'true' : 'false');

const figureCells = (figures: ActivityFigures) => ({
  activities: figures.activities,
  minutes: figures.minutes,
  hours: figures.hours,
  students_reached: figures.studentsReached,
  staff_reached: figures.staffReached,
  suppressed: suppressedCell(figures.suppressed),
});

export const ACTIVITY_COLUMNS = [
  'section',
  'period',
  'from',
  'to',
  'key',
  'name',
  'activities',
  'minutes',
  'hours',
  'students_reached',
  'staff_reached',
  'suppressed',
] as const;

function periodSections(part: ActivityPeriodReport, name: 'current' | 'previous'): CsvTable['sections'] {
  const period = { period: name, from: part.period.from, to: part.period.to };
  return [
    async () => (await part.byCategory()).map((entry) => ({ section: 'category', ...period, key: entry.category, ...figureCells(entry) })),
    async () => (await part.byTopic()).map((entry) => ({ section: 'topic', ...period, key: entry.topic, ...figureCells(entry) })),
    async () =>
      (await part.byAgency()).map((entry) => ({
        section: 'agency',
        ...period,
        key: entry.agency.id,
        name: entry.agency.name,
        ...figureCells(entry),
      })),
    async () =>
      (await part.bySchool()).map((entry) => ({
        section: 'school',
        ...period,
        key: entry.school?.id,
        name: entry.school?.name ?? 'District-wide',
        ...figureCells(entry),
      })),
    async () =>
      (await part.byOfficer()).map((entry) => ({
        section: 'officer',
        ...period,
        key: entry.officer.id,
        name: officerName(entry.officer),
        ...figureCells(entry),
      })),
    async () =>
      (await part.series()).map((entry) => ({ section: 'series', period: name, from: entry.from, to: entry.to, ...figureCells(entry) })),
  ];
}

/**
 * Program activity: the totals of both periods and the change, then each breakdown and the series for the
 * current period and for the previous one. `section` and `period` say what a row is.
 */
export function activityTable(report: ActivityReport): CsvTable {
  const previous = report.previous();
  const totals = async () => {
    const [current, before, change] = await Promise.all([report.totals(), previous.totals(), report.change()]);
    const changeRow = (kind: 'absolute' | 'percent') => ({
      section: kind === 'absolute' ? 'change' : 'change_percent',
      activities: change.activities[kind],
      minutes: change.minutes[kind],
      hours: change.hours[kind],
      students_reached: change.studentsReached[kind],
      staff_reached: change.staffReached[kind],
      suppressed: suppressedCell(change.activities.suppressed),
    });
    return [
      {
        section: 'totals',
        period: 'current',
        from: report.period.from,
        to: report.period.to,
        name: report.period.label,
        ...figureCells(current),
      },
      {
        section: 'totals',
        period: 'previous',
        from: previous.period.from,
        to: previous.period.to,
        name: previous.period.label,
        ...figureCells(before),
      },
      changeRow('absolute'),
      changeRow('percent'),
    ];
  };
  return { columns: ACTIVITY_COLUMNS, sections: [totals, ...periodSections(report, 'current'), ...periodSections(previous, 'previous')] };
}

const FIGURE_COLUMNS = ['activities', 'minutes', 'hours', 'students_reached', 'staff_reached', 'suppressed'] as const;
const PERIOD_COLUMNS = ['period', 'period_from', 'period_to'] as const;

const figureRow = (figures: ActivityFigures) => ({ ...figureCells(figures), suppressed: suppressed(figures) });

/**
 * One part over both periods: the current period's rows, then the comparison period's, each row saying which
 * (`period` current or previous, with its first and last day).
 */
function bothPeriods(
  report: ActivityReport,
  columns: readonly string[],
  rows: (part: ActivityPeriodReport) => Promise<CsvRow[]>,
): CsvTable {
  const section = (part: ActivityPeriodReport, name: 'current' | 'previous') => async () =>
    (await rows(part)).map((row) => ({ period: name, period_from: part.period.from, period_to: part.period.to, ...row }));
  return { columns: [...PERIOD_COLUMNS, ...columns], sections: [section(report, 'current'), section(report.previous(), 'previous')] };
}

/** Officers' agencies, in one statement: an officer row names its agency. */
async function agenciesOf(em: EntityManager, officers: Officer[]) {
  return byId(
    em,
    Agency,
    officers.map((officer) => officer.agency.id),
  );
}

const CHANGE_FIGURES = [
  ['activities', 'activities'],
  ['minutes', 'minutes'],
  ['hours', 'hours'],
  ['students_reached', 'studentsReached'],
  ['staff_reached', 'staffReached'],
] as const;

/** The parts of the activity CSV (`?part=`), named after the report's GraphQL fields; docs/reports.md lists their columns. */
export const ACTIVITY_PARTS: CsvParts<ActivityReport> = {
  totals: (report) =>
    bothPeriods(report, ['label', 'days', ...FIGURE_COLUMNS], async (part) => [
      { label: part.period.label, days: part.period.days, ...figureRow(await part.totals()) },
    ]),
  change: (report) => ({
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
    sections: [
      async () => {
        const previous = report.previous();
        const [now, before, change] = await Promise.all([report.totals(), previous.totals(), report.change()]);
        return CHANGE_FIGURES.map(([figure, field]) => ({
          figure,
          current: now[field],
          previous: before[field],
          absolute: change[field].absolute,
          percent: change[field].percent,
          suppressed: change[field].suppressed,
          current_from: report.period.from,
          current_to: report.period.to,
          previous_from: previous.period.from,
          previous_to: previous.period.to,
        }));
      },
    ],
  }),
  byCategory: (report) =>
    bothPeriods(report, ['category', ...FIGURE_COLUMNS], async (part) =>
      (await part.byCategory()).map((entry) => ({ category: entry.category, ...figureRow(entry) })),
    ),
  byTopic: (report) =>
    bothPeriods(report, ['topic', ...FIGURE_COLUMNS], async (part) =>
      (await part.byTopic()).map((entry) => ({ topic: entry.topic, ...figureRow(entry) })),
    ),
  byAgency: (report) =>
    bothPeriods(report, ['agency_id', 'agency', ...FIGURE_COLUMNS], async (part) =>
      (await part.byAgency()).map((entry) => ({ agency_id: entry.agency.id, agency: entry.agency.name, ...figureRow(entry) })),
    ),
  bySchool: (report) =>
    bothPeriods(report, ['school_id', 'school', 'level', 'locale', 'district_wide', ...FIGURE_COLUMNS], async (part) =>
      (await part.bySchool()).map((entry) => ({
        school_id: entry.school?.id,
        school: entry.school?.name,
        level: entry.school?.level,
        locale: entry.school?.locale,
        district_wide: entry.school === null,
        ...figureRow(entry),
      })),
    ),
  byOfficer: (report, em) =>
    bothPeriods(
      report,
      ['officer_id', 'officer_first_name', 'officer_last_name', 'rank', 'agency_id', 'agency', ...FIGURE_COLUMNS],
      async (part) => {
        const entries = await part.byOfficer();
        const agencies = await agenciesOf(
          em,
          entries.map((entry) => entry.officer),
        );
        return entries.map((entry) => ({
          officer_id: entry.officer.id,
          officer_first_name: entry.officer.firstName,
          officer_last_name: entry.officer.lastName,
          rank: entry.officer.rank,
          agency_id: entry.officer.agency.id,
          agency: agencies.get(entry.officer.agency.id)?.name,
          ...figureRow(entry),
        }));
      },
    ),
  series: (report) =>
    bothPeriods(report, ['interval', 'from', 'to', ...FIGURE_COLUMNS], async (part) =>
      (await part.series()).map((entry) => ({ interval: report.interval, from: entry.from, to: entry.to, ...figureRow(entry) })),
    ),
};
