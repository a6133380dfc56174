import { Alert, Button, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title } from 'react-admin';
import { formatPeriod } from '../common/dates';
import { labelOf } from '../choices';
import { DashboardCard } from '../dashboard/DashboardCard';
import { useReport } from '../reports/useReport';
import { tipCategories, tipDispositions, tipSources } from './tipChoices';

const COUNT = '{ key label tips suppressed }';
const DURATIONS = '{ tips median p90 suppressed }';
const FIGURES = `{ period { from to } total lifeSafety lifeSafetyShare byCategory ${COUNT} bySource ${COUNT} bySchool ${COUNT} byMonth ${COUNT}
  firstActionMinutesLifeSafety ${DURATIONS} firstActionMinutesOther ${DURATIONS} hoursToClose ${DURATIONS}
  overdue firstActionLate closed byDisposition ${COUNT} unfoundedOrPrankShare }`;
const TIP_REPORT = `query($preset: PeriodPreset) { tipReport(preset: $preset) { current ${FIGURES} previous ${FIGURES}
  annual { period { from to } total byCategory ${COUNT} bySchool ${COUNT} } suppressesSmallCells minTipsPerCell csv } }`;

interface Count {
  key: string;
  label: string;
  tips: number | null;
  suppressed: boolean;
}
interface Durations {
  tips: number | null;
  median: number | null;
  p90: number | null;
  suppressed: boolean;
}
interface Figures {
  period: { from: string; to: string };
  total: number | null;
  lifeSafety: number | null;
  lifeSafetyShare: number | null;
  byCategory: Count[];
  bySource: Count[];
  bySchool: Count[];
  byMonth: Count[];
  firstActionMinutesLifeSafety: Durations;
  firstActionMinutesOther: Durations;
  hoursToClose: Durations;
  overdue: number | null;
  firstActionLate: number | null;
  closed: number | null;
  byDisposition: Count[];
  unfoundedOrPrankShare: number | null;
}
interface Report {
  current: Figures;
  previous: Figures;
  annual: { period: { from: string; to: string }; total: number | null; byCategory: Count[]; bySchool: Count[] };
  suppressesSmallCells: boolean;
  minTipsPerCell: number;
  csv: string;
}

const PRESETS = [
  ['CURRENT_QUARTER', 'This quarter'],
  ['PREVIOUS_QUARTER', 'Last quarter'],
  ['QUARTER_TO_DATE', 'Quarter to date'],
  ['CURRENT_PROGRAM_YEAR', 'This program year'],
  ['PREVIOUS_PROGRAM_YEAR', 'Last program year'],
  ['PROGRAM_YEAR_TO_DATE', 'Program year to date'],
];

const shown = (value: number | null | undefined, digits = 0) => (value === null || value === undefined ? '—' : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const named = (labels: { id: string; name: string }[] | null) => (cell: Count) =>
  labels ? labelOf(labels, cell.key) || cell.label : cell.label;

/** One breakdown, this period beside the previous; a withheld cell shows "suppressed". */
function Breakdown({
  title,
  current,
  previous,
  labels = null,
}: {
  title: string;
  current: Count[];
  previous?: Count[];
  labels?: { id: string; name: string }[] | null;
}) {
  const label = named(labels);
  const before = new Map((previous ?? []).map((cell) => [cell.key, cell]));
  return (
    <Table size="small" aria-label={title}>
      <TableHead>
        <TableRow>
          <TableCell>{title}</TableCell>
          <TableCell align="right">Tips</TableCell>
          {previous && <TableCell align="right">Previous</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {current.map((cell) => (
          <TableRow key={cell.key}>
            <TableCell>{label(cell)}</TableCell>
            <TableCell align="right">{cell.suppressed ? 'suppressed' : shown(cell.tips)}</TableCell>
            {previous && (
              <TableCell align="right">
                {before.get(cell.key)?.suppressed ? 'suppressed' : shown(before.get(cell.key)?.tips ?? 0)}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function download(csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: 'tip-report.csv' });
  link.click();
  URL.revokeObjectURL(url);
}

/** The tip report: a period and the one before, the program year, its CSV. */
export function TipReportPage() {
  const [preset, setPreset] = useState('CURRENT_QUARTER');
  const report = useReport<{ tipReport: Report }>(TIP_REPORT, { preset });
  const data = report.data?.tipReport;
  const current = data?.current;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="Tip report" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField select size="small" label="Period" value={preset} onChange={(event) => setPreset(event.target.value)}>
          {PRESETS.map(([value, text]) => (
            <MenuItem key={value} value={value}>
              {text}
            </MenuItem>
          ))}
        </TextField>
        {data && (
          <Button variant="outlined" onClick={() => download(data.csv)}>
            Download CSV
          </Button>
        )}
      </Stack>
      {data?.suppressesSmallCells && (
        <Alert severity="info">District figures only: groups of fewer than {data.minTipsPerCell} tips are suppressed.</Alert>
      )}
      <DashboardCard
        title={current ? `Tips ${formatPeriod(current.period.from, current.period.to)}` : 'Tips'}
        isPending={report.isPending}
        error={report.error}
      >
        {current && data && (
          <Stack spacing={2}>
            <Typography>
              {shown(current.total)} tips ({shown(data.previous.total)} the period before); life safety {percent(current.lifeSafetyShare)};
              overdue now {shown(current.overdue)}; first action late {shown(current.firstActionLate)}; closed {shown(current.closed)}, of
              which unfounded or prank {percent(current.unfoundedOrPrankShare)}.
            </Typography>
            <Table size="small" aria-label="Response times">
              <TableHead>
                <TableRow>
                  <TableCell>Response time</TableCell>
                  <TableCell align="right">Tips</TableCell>
                  <TableCell align="right">Median</TableCell>
                  <TableCell align="right">90th percentile</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(
                  [
                    ['Minutes to first action, life safety', current.firstActionMinutesLifeSafety],
                    ['Minutes to first action, other tips', current.firstActionMinutesOther],
                    ['Hours to close', current.hoursToClose],
                  ] as const
                ).map(([label, figures]) => (
                  <TableRow key={label}>
                    <TableCell>{label}</TableCell>
                    <TableCell align="right">{figures.suppressed ? 'suppressed' : shown(figures.tips)}</TableCell>
                    <TableCell align="right">{shown(figures.median, 1)}</TableCell>
                    <TableCell align="right">{shown(figures.p90, 1)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Breakdown title="Category" current={current.byCategory} previous={data.previous.byCategory} labels={tipCategories} />
            <Breakdown title="Source" current={current.bySource} previous={data.previous.bySource} labels={tipSources} />
            <Breakdown title="School" current={current.bySchool} previous={data.previous.bySchool} />
            <Breakdown title="Month" current={current.byMonth} />
            <Breakdown
              title="Disposition"
              current={current.byDisposition}
              previous={data.previous.byDisposition}
              labels={tipDispositions}
            />
          </Stack>
        )}
      </DashboardCard>
      {data && (
        <DashboardCard
          title={`Annual figures ${formatPeriod(data.annual.period.from, data.annual.period.to)}: ${shown(data.annual.total)} tips`}
        >
          <Stack spacing={2}>
            <Breakdown title="Category" current={data.annual.byCategory} labels={tipCategories} />
            <Breakdown title="School" current={data.annual.bySchool} />
          </Stack>
        </DashboardCard>
      )}
    </Stack>
  );
}
