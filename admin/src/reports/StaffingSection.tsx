import {
  Alert,
  Card,
  CardContent,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { STAFFING_REPORT, type StaffingReport } from './reportQueries';
import { useReport } from './useReport';

/** Officers, FTE and schools served per agency today. */
export function StaffingSection({ agencyId }: { agencyId: string }) {
  const { data, error, isPending } = useReport<{ staffingReport: StaffingReport }>(STAFFING_REPORT, {
    filter: agencyId ? { agencyId } : {},
  });
  const report = data?.staffingReport;
  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          Staffing today
        </Typography>
        {isPending && <LinearProgress aria-label="Loading staffing" />}
        {error && <Alert severity="error">{error.message}</Alert>}
        {report && (
          <TableContainer>
            <Table size="small" aria-label="Staffing by agency">
              <TableHead>
                <TableRow>
                  <TableCell>Agency</TableCell>
                  <TableCell align="right">Active officers</TableCell>
                  <TableCell align="right">Assigned</TableCell>
                  <TableCell align="right">Unassigned</TableCell>
                  <TableCell align="right">FTE</TableCell>
                  <TableCell align="right">Schools served</TableCell>
                  <TableCell align="right">Ending in {report.endingWithinDays} days</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {[
                  ...report.agencies.map((row) => ({ ...row, name: row.agency.name, key: row.agency.id })),
                  { ...report.totals, name: 'All agencies', key: 'total' },
                ].map((row) => (
                  <TableRow key={row.key} sx={row.key === 'total' ? { '& > *': { fontWeight: 'bold' } } : undefined}>
                    <TableCell component="th" scope="row">
                      {row.name}
                    </TableCell>
                    <TableCell align="right">{row.activeOfficers}</TableCell>
                    <TableCell align="right">{row.assignedOfficers}</TableCell>
                    <TableCell align="right">{row.unassignedOfficers}</TableCell>
                    <TableCell align="right">{row.totalFte}</TableCell>
                    <TableCell align="right">{row.schoolsServed}</TableCell>
                    <TableCell align="right">{row.assignmentsEnding}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </CardContent>
    </Card>
  );
}
