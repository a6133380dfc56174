import { csvLine, type Cell } from '../report/csv';
import type { TipCount, TipDurations, TipPeriodFigures, TipReport } from './tip-report.types';

const HEADER = ['section', 'group', 'figure', 'current', 'previous'];

/** Values of a breakdown by key, for the current and previous period side by side. */
function breakdown(section: string, current: TipCount[], previous: TipCount[]): Cell[][] {
  const before = new Map(previous.map((cell) => [cell.key, cell]));
  const keys = [
    ...current.map((cell) => cell.key),
    ...previous.map((cell) => cell.key).filter((key) => !current.some((cell) => cell.key === key)),
  ];
  return keys.map((key) => {
    const now = current.find((cell) => cell.key === key);
    return [
      section,
      now?.label ?? before.get(key)?.label,
      'tips',
      now?.tips ?? (now ? null : 0),
      before.get(key)?.tips ?? (before.has(key) ? null : 0),
    ];
  });
}

const durationLines = (section: string, current: TipDurations, previous: TipDurations): Cell[][] =>
  (['tips', 'median', 'p90'] as const).map((figure) => [section, '', figure, current[figure], previous[figure]]);

function periodLines(current: TipPeriodFigures, previous: TipPeriodFigures): Cell[][] {
  const single = (
    figure: keyof TipPeriodFigures &
      ('total' | 'lifeSafety' | 'lifeSafetyShare' | 'overdue' | 'firstActionLate' | 'closed' | 'unfoundedOrPrankShare'),
  ) => ['totals', '', figure, current[figure], previous[figure]] as Cell[];
  return [
    ['period', '', 'from', current.period.from, previous.period.from],
    ['period', '', 'to', current.period.to, previous.period.to],
    ...(['total', 'lifeSafety', 'lifeSafetyShare', 'overdue', 'firstActionLate', 'closed', 'unfoundedOrPrankShare'] as const).map(single),
    ...breakdown('category', current.byCategory, previous.byCategory),
    ...breakdown('source', current.bySource, previous.bySource),
    ...breakdown('school', current.bySchool, previous.bySchool),
    ...breakdown('month', current.byMonth, previous.byMonth),
    ...breakdown('disposition', current.byDisposition, previous.byDisposition),
    ...durationLines('minutes to first action, life-safety', current.firstActionMinutesLifeSafety, previous.firstActionMinutesLifeSafety),
    ...durationLines('minutes to first action, other', current.firstActionMinutesOther, previous.firstActionMinutesOther),
    ...durationLines('hours to close', current.hoursToClose, previous.hoursToClose),
  ];
}

/** The report as one CSV table; withheld cells are empty fields, as in the report. */
export function tipReportCsv(report: Omit<TipReport, 'csv'>): string {
  const annual: Cell[][] = [
    ['annual', '', 'from', report.annual.period.from, ''],
    ['annual', '', 'total', report.annual.total, ''],
    ...report.annual.byCategory.map((cell) => ['annual category', cell.label, 'tips', cell.tips, ''] as Cell[]),
    ...report.annual.bySchool.map((cell) => ['annual school', cell.label, 'tips', cell.tips, ''] as Cell[]),
  ];
  return [HEADER, ...periodLines(report.current, report.previous), ...annual].map(csvLine).join('');
}
