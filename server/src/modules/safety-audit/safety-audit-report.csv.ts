import type { CsvRow, CsvTable } from '../report/csv';
import { Parameters, type QueryParameters } from '../report/report.params';
import { PeriodPreset } from '../report/periods';
import type { SafetyAuditFigures, SafetyAuditReport, SafetyAuditReportArgs } from './safety-audit-report.types';

/** The columns of the report's CSV: one figure a row. Built from the report's figures only: no finding note can reach it. */
export const SAFETY_AUDIT_REPORT_COLUMNS = [
  'period',
  'from',
  'to',
  'figure',
  'area',
  'severity',
  'school_id',
  'school',
  'band',
  'value',
] as const;

/** The CSV's query parameters: the GraphQL query's arguments. */
export function safetyAuditReportParameters(query: QueryParameters): SafetyAuditReportArgs {
  const parameters = new Parameters(query, ['from', 'to', 'preset', 'programYear', 'quarter', 'schoolId']);
  return {
    from: parameters.date('from'),
    to: parameters.date('to'),
    preset: parameters.choice('preset', PeriodPreset),
    programYear: parameters.integer('programYear'),
    quarter: parameters.integer('quarter'),
    schoolId: parameters.id('schoolId'),
  };
}

function figureRows(period: 'current' | 'previous', figures: SafetyAuditFigures): CsvRow[] {
  const base = { period, from: figures.from, to: figures.to };
  const scalar = (figure: string, value: number | null) => ({ ...base, figure, value });
  return [
    scalar('audits', figures.audits),
    scalar('schools_audited', figures.schoolsAudited),
    scalar('schools_due', figures.schoolsDue),
    scalar('findings', figures.findings),
    scalar('meeting_share', figures.meetingShare),
    scalar('actions_opened', figures.actionsOpened),
    scalar('actions_closed', figures.actionsClosed),
    scalar('actions_overdue', figures.overdue),
    scalar('median_days_to_close', figures.medianDaysToClose),
    scalar('p90_days_to_close', figures.p90DaysToClose),
    ...figures.findingsByAreaAndSeverity.map((row) => ({
      ...base,
      figure: 'findings',
      area: row.area,
      severity: row.severity,
      value: row.findings,
    })),
    ...figures.bySchool.flatMap((row) => [
      { ...base, figure: 'school_audits', school_id: row.schoolId, school: row.schoolName, value: row.audits },
      { ...base, figure: 'school_meeting_share', school_id: row.schoolId, school: row.schoolName, value: row.meetingShare },
    ]),
    ...figures.openByAge.map((row) => ({ ...base, figure: 'open_actions', band: row.band, value: row.actions })),
  ];
}

export function safetyAuditReportTable(report: SafetyAuditReport): CsvTable {
  return {
    columns: SAFETY_AUDIT_REPORT_COLUMNS,
    sections: [
      () => [
        ...figureRows('current', report.current),
        ...figureRows('previous', report.previous),
        ...report.mostOpenHighOrCritical.map((row) => ({
          period: 'today',
          figure: 'open_high_or_critical',
          school_id: row.schoolId,
          school: row.schoolName,
          value: row.openHighOrCritical,
        })),
      ],
    ],
  };
}
