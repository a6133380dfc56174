import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Figures } from './reportQueries';

/** One breakdown of a report (by category, topic, agency, school or officer) as a table. */
export function FiguresTable<Row extends Figures>({
  title,
  rows,
  label,
  rowKey,
}: {
  title: string;
  rows: Row[];
  label: (row: Row) => ReactNode;
  rowKey: (row: Row) => string;
}) {
  return (
    <>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {title}
      </Typography>
      {rows.length === 0 ? (
        <Typography color="text.secondary">Nothing in this period.</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell />
                <TableCell align="right">Activities</TableCell>
                <TableCell align="right">Hours</TableCell>
                <TableCell align="right">Students</TableCell>
                <TableCell align="right">Staff</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={rowKey(row)}>
                  <TableCell component="th" scope="row">
                    {label(row)}
                  </TableCell>
                  <TableCell align="right">{row.activities}</TableCell>
                  <TableCell align="right">{row.hours}</TableCell>
                  <TableCell align="right">{row.studentsReached}</TableCell>
                  <TableCell align="right">{row.staffReached}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
}
