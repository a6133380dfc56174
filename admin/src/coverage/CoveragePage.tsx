import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { Title } from 'react-admin';
import { coverageStatuses, schoolLevels, schoolLocales } from '../choices';
import { today } from '../common/dates';
import { useUrlState } from '../common/useUrlState';
import { DownloadLinks } from '../reports/DownloadLinks';
import { ChoiceSelect, ReferenceSelect } from '../reports/ReferenceSelect';
import { compact, COVERAGE_REPORT, exportUrl, type CoverageReport } from '../reports/reportQueries';
import { useReport } from '../reports/useReport';
import { CoverageTable } from './CoverageTable';

/** Which schools have an SRO on a chosen date, by whom; filters by agency, level and locale. */
export function CoveragePage() {
  // The view lives in the URL (/coverage?date=2026-10-01&level=HIGH): a bookmark or a shared link shows the same.
  const [view, setView] = useUrlState({ date: today(), agencyId: '', level: '', locale: '', status: '' });
  const { date, status } = view;
  const filter = { agencyId: view.agencyId, level: view.level, locale: view.locale };
  const setDate = (value: string) => setView('date', value);
  const setStatus = (value: string) => setView('status', value);
  const setFilterValue = (key: keyof typeof filter) => (value: string) => setView(key, value);
  const { data, error, isPending } = useReport<{ coverageReport: CoverageReport }>(COVERAGE_REPORT, {
    date: date || undefined,
    filter: compact(filter),
  });
  const report = data?.coverageReport;
  const schools = report?.schools.filter((row) => !status || row.status === status) ?? [];

  return (
    <Box sx={{ py: 2 }}>
      <Title title="Coverage" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <TextField
              fullWidth={false}
              type="date"
              label="Date"
              size="small"
              value={date}
              onChange={(event) => setDate(event.target.value)}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <ReferenceSelect resource="agencies" label="Served by agency" value={filter.agencyId} onChange={setFilterValue('agencyId')} />
            <ChoiceSelect label="Level" value={filter.level} onChange={setFilterValue('level')} choices={schoolLevels} />
            <ChoiceSelect label="Locale" value={filter.locale} onChange={setFilterValue('locale')} choices={schoolLocales} />
            <ChoiceSelect label="Status" value={status} onChange={setStatus} choices={coverageStatuses} />
            <DownloadLinks downloads={[{ label: 'Coverage CSV', href: exportUrl('coverage', { date, ...filter }) }]} />
          </Stack>
        </CardContent>
      </Card>
      {isPending && <LinearProgress aria-label="Loading coverage" />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {report && (
        <Stack spacing={2}>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label="Schools by status">
            <Chip color="success" label={`${report.summary.byStatus.covered} covered`} onClick={() => setStatus('COVERED')} />
            <Chip color="warning" label={`${report.summary.byStatus.partial} partial`} onClick={() => setStatus('PARTIAL')} />
            <Chip color="error" label={`${report.summary.byStatus.uncovered} uncovered`} onClick={() => setStatus('UNCOVERED')} />
            {report.summary.byStatus.noSchool > 0 && (
              <Chip label={`${report.summary.byStatus.noSchool} no school`} onClick={() => setStatus('NO_SCHOOL')} />
            )}
            <Chip
              variant="outlined"
              label={`${report.summary.schools} schools · ${report.summary.officers} officers · ${report.summary.totalFte} FTE`}
              onClick={() => setStatus('')}
            />
            {report.summary.enrollmentPerSroFte !== null && (
              <Chip variant="outlined" label={`${report.summary.enrollmentPerSroFte} students per SRO FTE`} />
            )}
          </Stack>
          <Card>
            <CardContent>
              <CoverageTable schools={schools} />
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                By agency
              </Typography>
              <Table size="small" aria-label="Coverage by agency">
                <TableHead>
                  <TableRow>
                    <TableCell>Agency</TableCell>
                    <TableCell align="right">Schools served</TableCell>
                    <TableCell align="right">Officers</TableCell>
                    <TableCell align="right">FTE</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.summary.byAgency.map((row) => (
                    <TableRow key={row.agency.id}>
                      <TableCell component="th" scope="row">
                        {row.agency.name}
                      </TableCell>
                      <TableCell align="right">{row.schoolsServed}</TableCell>
                      <TableCell align="right">{row.officers}</TableCell>
                      <TableCell align="right">{row.fte}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </Stack>
      )}
    </Box>
  );
}
