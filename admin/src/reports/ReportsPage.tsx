import {
  Alert,
  Box,
  Card,
  CardContent,
  Grid,
  LinearProgress,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { Title, usePermissions } from 'react-admin';
import type { Permissions } from '../auth/permissions';
import { activityCategories, instructionTopics, labelOf, schoolLevels, schoolLocales } from '../choices';
import { CategoryChart, SeriesChart } from './charts';
import { DownloadLinks } from './DownloadLinks';
import { FigureCards } from './FigureCards';
import { FiguresTable } from './FiguresTable';
import { periodArguments, periodFromView, periodToView, REPORT_VIEW_DEFAULTS, type PeriodChoice } from './period';
import { PeriodPicker } from './PeriodPicker';
import { ChoiceSelect, ReferenceSelect } from './ReferenceSelect';
import { ACTIVITY_REPORT, compact, exportUrl, type ActivityReport } from './reportQueries';
import { StaffingSection } from './StaffingSection';
import { useReport } from './useReport';
import { formatPeriod } from '../common/dates';
import { useUrlState } from '../common/useUrlState';

const COMPARISONS = [
  { id: 'PREVIOUS_PERIOD', name: 'Previous period' },
  { id: 'PREVIOUS_QUARTER', name: 'Previous quarter' },
  { id: 'SAME_PERIOD_LAST_YEAR', name: 'Same period last year' },
];

// One table per part of each report (docs/reports.md), named as the server names them.
const ACTIVITY_PARTS = [
  { part: 'totals', label: 'Totals' },
  { part: 'change', label: 'Change' },
  { part: 'byCategory', label: 'By category' },
  { part: 'byTopic', label: 'By topic' },
  { part: 'byAgency', label: 'By agency' },
  { part: 'bySchool', label: 'By school' },
  { part: 'byOfficer', label: 'By officer' },
  { part: 'series', label: 'Series' },
];
const COVERAGE_PARTS = [
  { part: 'summary', label: 'Summary' },
  { part: 'byStatus', label: 'By status' },
  { part: 'byAgency', label: 'By agency' },
  { part: 'schools', label: 'Schools' },
  { part: 'officers', label: 'Officers at schools' },
];
const STAFFING_PARTS = [
  { part: 'agencies', label: 'Agencies' },
  { part: 'totals', label: 'Totals' },
  { part: 'unassignedOfficers', label: 'Unassigned officers' },
  { part: 'endingAssignments', label: 'Ending assignments' },
];

const SCOPE_TEXT = {
  DISTRICT: 'The whole district.',
  AGENCY: 'Your agency in detail; other agencies appear only as one total each, and small ones are withheld (—).',
  OFFICER: 'Your own activity.',
};

type Period = ActivityReport['period'];
// The server labels custom dates with their ISO dates ("2026-09-01 to 2026-09-30"): those are written as every date is.
const isNamed = (period: Pick<Period, 'from' | 'label'>) => !period.label.startsWith(period.from);
const periodName = (period: Pick<Period, 'from' | 'to' | 'label'>) =>
  isNamed(period) ? period.label : formatPeriod(period.from, period.to);

/** Program activity for a period (with the previous period), staffing, and the CSV downloads with the same filters. */
export function ReportsPage() {
  const { permissions } = usePermissions<Permissions>();
  const isOfficer = permissions?.role === 'OFFICER';
  // The whole view lives in the URL (/reports?period=quarter&programYear=2025&quarter=2&level=HIGH): a bookmark or a
  // shared link shows the same report, and reloading keeps it.
  const [view, setView, setViewValues] = useUrlState(REPORT_VIEW_DEFAULTS);
  const period = periodFromView(view);
  const setPeriod = (next: PeriodChoice) => setViewValues(periodToView(next));
  const interval = view.interval === 'MONTH' ? 'MONTH' : 'WEEK';
  const setSeriesInterval = (value: string) => setView('interval', value);
  const compareTo = view.compareTo;
  const setCompareTo = (value: string) => setView('compareTo', value);
  const filter = {
    agencyId: view.agencyId,
    schoolId: view.schoolId,
    category: view.category,
    topic: view.topic,
    level: view.level,
    locale: view.locale,
  };
  const setFilterValue = (key: keyof typeof filter) => (value: string) => setView(key, value);

  const variables = { ...periodArguments(period), interval, compareTo, filter: compact(filter) };
  const { data, error, isPending } = useReport<{ activityReport: ActivityReport }>(ACTIVITY_REPORT, variables);
  const report = data?.activityReport;

  const downloads = [
    {
      label: 'Activity CSV',
      href: exportUrl('activity', { ...periodArguments(period), interval, compareTo, ...filter }),
      parts: isOfficer ? ACTIVITY_PARTS.filter(({ part }) => part !== 'byAgency' && part !== 'byOfficer') : ACTIVITY_PARTS,
    },
    ...(isOfficer
      ? []
      : [
          {
            label: 'Coverage CSV (today)',
            href: exportUrl('coverage', { agencyId: filter.agencyId, level: filter.level, locale: filter.locale }),
            parts: COVERAGE_PARTS,
          },
          { label: 'Staffing CSV (today)', href: exportUrl('staffing', { agencyId: filter.agencyId }), parts: STAFFING_PARTS },
        ]),
  ];

  return (
    <Box sx={{ py: 2 }}>
      <Title title="Reports" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack spacing={2}>
            <PeriodPicker value={period} onChange={setPeriod} />
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label="Filters">
              {!isOfficer && (
                <ReferenceSelect resource="agencies" label="Agency" value={filter.agencyId} onChange={setFilterValue('agencyId')} />
              )}
              <ReferenceSelect resource="schools" label="School" value={filter.schoolId} onChange={setFilterValue('schoolId')} />
              <ChoiceSelect label="Category" value={filter.category} onChange={setFilterValue('category')} choices={activityCategories} />
              <ChoiceSelect label="Topic" value={filter.topic} onChange={setFilterValue('topic')} choices={instructionTopics} />
              <ChoiceSelect label="School level" value={filter.level} onChange={setFilterValue('level')} choices={schoolLevels} />
              <ChoiceSelect label="Locale" value={filter.locale} onChange={setFilterValue('locale')} choices={schoolLocales} />
              <TextField
                fullWidth={false}
                select
                size="small"
                label="Compare with"
                value={compareTo}
                onChange={(event) => setCompareTo(event.target.value)}
                sx={{ minWidth: 200 }}
              >
                {COMPARISONS.map((choice) => (
                  <MenuItem key={choice.id} value={choice.id}>
                    {choice.name}
                  </MenuItem>
                ))}
              </TextField>
              <ToggleButtonGroup
                size="small"
                exclusive
                value={interval}
                onChange={(_event, value) => value && setSeriesInterval(value)}
                aria-label="Series by"
              >
                <ToggleButton value="WEEK">Weeks</ToggleButton>
                <ToggleButton value="MONTH">Months</ToggleButton>
              </ToggleButtonGroup>
            </Stack>
            <DownloadLinks downloads={downloads} />
          </Stack>
        </CardContent>
      </Card>

      {isPending && <LinearProgress aria-label="Loading the report" />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {report && (
        <Stack spacing={2}>
          <Box>
            <Typography variant="h5" component="h1" data-testid="report-period">
              {periodName(report.period)}{' '}
              {isNamed(report.period) && (
                <Typography component="span" color="text.secondary">
                  ({formatPeriod(report.period.from, report.period.to)})
                </Typography>
              )}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {SCOPE_TEXT[report.scope.kind]} Compared with {periodName(report.previous.period)}
              {isNamed(report.previous.period) ? ` (${formatPeriod(report.previous.period.from, report.previous.period.to)})` : ''}.
            </Typography>
          </Box>
          <FigureCards report={report} />
          <Grid container spacing={2}>
            <Panel size={{ xs: 12, lg: 7 }} fill>
              <SeriesChart series={report.series} title={interval === 'WEEK' ? 'By week' : 'By month'} />
            </Panel>
            <Panel size={{ xs: 12, lg: 5 }} fill>
              <CategoryChart byCategory={report.byCategory} title="Hours by category" />
            </Panel>
            <Panel size={{ xs: 12, md: 6 }}>
              <FiguresTable
                title="By category"
                rows={report.byCategory}
                label={(row) => labelOf(activityCategories, row.category)}
                rowKey={(row) => row.category}
                rule={report.smallCells}
              />
            </Panel>
            <Panel size={{ xs: 12, md: 6 }}>
              <FiguresTable
                title="Classroom lessons by topic"
                rows={report.byTopic}
                label={(row) => labelOf(instructionTopics, row.topic)}
                rowKey={(row) => row.topic}
                rule={report.smallCells}
              />
            </Panel>
            {!isOfficer && (
              <Panel size={{ xs: 12, md: 6 }}>
                <FiguresTable
                  title="By agency"
                  rows={report.byAgency}
                  label={(row) => row.agency.name}
                  rowKey={(row) => row.agency.id}
                  rule={report.smallCells}
                />
              </Panel>
            )}
            <Panel size={{ xs: 12, md: 6 }}>
              <FiguresTable
                title="By school"
                rows={report.bySchool}
                label={(row) => row.school?.name ?? 'District-wide'}
                rowKey={(row) => row.school?.id ?? 'district'}
                rule={report.smallCells}
              />
            </Panel>
            {!isOfficer && (
              <Panel size={{ xs: 12, md: 6 }}>
                <FiguresTable
                  title="By officer"
                  rows={report.byOfficer}
                  label={(row) => `${row.officer.lastName}, ${row.officer.firstName}`}
                  rowKey={(row) => row.officer.id}
                  rule={report.smallCells}
                />
              </Panel>
            )}
          </Grid>
          {!isOfficer && <StaffingSection agencyId={filter.agencyId} />}
        </Stack>
      )}
    </Box>
  );
}

/** One card of the report's grid; `fill` makes cards of a row the same height. */
function Panel({ size, fill, children }: { size: Record<string, number>; fill?: boolean; children: ReactNode }) {
  return (
    <Grid size={size}>
      <Card sx={fill ? { height: '100%' } : undefined}>
        <CardContent>{children}</CardContent>
      </Card>
    </Grid>
  );
}
