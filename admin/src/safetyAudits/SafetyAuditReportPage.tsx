import { Alert, Box, Button, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title } from 'react-admin';
import { graphqlRequest } from '../graphql/client';
import { AREAS } from './types';
import { SAFETY_AUDIT_REPORT } from './walkQueries';

type Figures = Record<string, number | string | null> & {
  from: string;
  to: string;
  findingsByAreaAndSeverity?: { area: string; severity: string; findings: number }[];
  openByAge?: { band: string; actions: number }[];
};
interface Report {
  current: Figures;
  previous: Figures;
  mostOpenHighOrCritical: { schoolId: string; schoolName: string; openHighOrCritical: number }[];
}

const ROWS: [string, string][] = [
  ['audits', 'Audits submitted'],
  ['schoolsAudited', 'Schools audited'],
  ['schoolsDue', 'Schools due for audit'],
  ['findings', 'Findings needing action'],
  ['meetingShare', 'Items meeting the criterion'],
  ['actionsOpened', 'Actions opened'],
  ['actionsClosed', 'Actions closed'],
  ['overdue', 'Actions overdue'],
  ['medianDaysToClose', 'Median days to close'],
  ['p90DaysToClose', '90th percentile days to close'],
];

const shown = (key: string, value: unknown) =>
  value === null || value === undefined ? '–' : key === 'meetingShare' ? `${Math.round(Number(value) * 100)}%` : String(value);

/** The quarterly analysis: this quarter against the one before, findings by area and severity, and its CSV. */
export function SafetyAuditReportPage() {
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    graphqlRequest<{ safetyAuditReport: Report }>(SAFETY_AUDIT_REPORT, { preset: 'CURRENT_QUARTER' })
      .then((answer) => setReport(answer.safetyAuditReport))
      .catch((failure: Error) => setError(failure.message));
  }, []);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!report) return <LinearProgress aria-label="Loading the safety audit analysis" />;
  const { current, previous } = report;
  const bars = current.findingsByAreaAndSeverity ?? [];
  const most = Math.max(1, ...bars.map((bar) => bar.findings));
  return (
    <Box sx={{ py: 2 }}>
      <Title title="Safety audit analysis" />
      <Stack spacing={3}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h6">
            {current.from} to {current.to}
          </Typography>
          <Button variant="outlined" href={`/export/safety-audit-report.csv?from=${current.from}&to=${current.to}`}>
            Download CSV
          </Button>
        </Stack>
        <Table size="small" aria-label="Figures">
          <TableHead>
            <TableRow>
              <TableCell>Figure</TableCell>
              <TableCell align="right">This period</TableCell>
              <TableCell align="right">Period before</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {ROWS.map(([key, label]) => (
              <TableRow key={key}>
                <TableCell>{label}</TableCell>
                <TableCell align="right">{shown(key, current[key])}</TableCell>
                <TableCell align="right">{shown(key, previous[key])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="h6" component="h2">
          Findings by area and severity
        </Typography>
        {bars.length === 0 && <Typography>No findings needing action in this period.</Typography>}
        {bars.map((bar) => (
          <Stack key={`${bar.area} ${bar.severity}`} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography sx={{ width: 280 }}>
              {AREAS.find((area) => area.id === bar.area)?.name} · {bar.severity.toLowerCase()}
            </Typography>
            <Box
              sx={{
                height: 16,
                width: `${(bar.findings / most) * 60}%`,
                bgcolor: bar.severity === 'CRITICAL' || bar.severity === 'HIGH' ? 'error.main' : 'warning.main',
              }}
            />
            <Typography>{bar.findings}</Typography>
          </Stack>
        ))}
        <Typography variant="h6" component="h2">
          Schools with the most open high or critical findings
        </Typography>
        {report.mostOpenHighOrCritical.map((school) => (
          <Typography key={school.schoolId}>
            {school.schoolName}: {school.openHighOrCritical}
          </Typography>
        ))}
      </Stack>
    </Box>
  );
}
