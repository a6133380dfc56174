import type { Officer } from '../officer/officer.entity';
import type { ActivityFigures, ActivityPeriodReport, ActivityReport } from './activity-report.types';
import type { CsvTable } from './csv';

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
