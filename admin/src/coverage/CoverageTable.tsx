import { Button, Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';
import { useCanAccess } from 'react-admin';
import { labelOf, schoolLevels } from '../choices';
import type { SchoolCoverage } from '../reports/reportQueries';
import { CoverageOfficers } from './CoverageOfficers';
import { CoverageChip } from '../schools/CoverageChip';

/**
 * Every listed school with its status, the officers serving (rank, agency, role, FTE; a substitute says for whom),
 * the assigned officers away and their substitutes, and enrollment per SRO FTE.
 */
export function CoverageTable({ schools }: { schools: SchoolCoverage[] }) {
  const { canAccess: canAssign } = useCanAccess({ resource: 'assignments', action: 'create' });
  if (schools.length === 0) return <Typography color="text.secondary">No school matches these filters.</Typography>;
  return (
    <TableContainer>
      <Table size="small" aria-label="Coverage by school">
        <TableHead>
          <TableRow>
            <TableCell>School</TableCell>
            <TableCell>Level</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>Officers</TableCell>
            <TableCell align="right">FTE</TableCell>
            <TableCell align="right">Students per SRO FTE</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {schools.map((row) => (
            <TableRow key={row.school.id} data-testid={`coverage-row-${row.school.id}`}>
              <TableCell component="th" scope="row">
                <Link component={RouterLink} to={`/schools/${row.school.id}/show`}>
                  {row.school.name}
                </Link>
                <Typography variant="caption" color="text.secondary" component="div">
                  {row.school.enrollment.toLocaleString()} students
                </Typography>
              </TableCell>
              <TableCell>{labelOf(schoolLevels, row.school.level)}</TableCell>
              <TableCell>
                <CoverageChip status={row.status} />
              </TableCell>
              <TableCell>
                <CoverageOfficers row={row} />
                {(row.status === 'PARTIAL' || row.status === 'UNCOVERED') && canAssign && (
                  <Button
                    component={RouterLink}
                    to="/assignments/create"
                    state={{ record: { schoolId: row.school.id, role: 'PRIMARY' } }}
                    size="small"
                  >
                    Assign an officer
                  </Button>
                )}
              </TableCell>
              <TableCell align="right">{row.totalFte}</TableCell>
              <TableCell align="right">{row.enrollmentPerSroFte ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
