import { Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { Figures, SmallCellRule } from './reportQueries';
import { Figure, suppressionText } from './SuppressedFigure';

const COLUMNS = [
  ['activities', 'Activities'],
  ['hours', 'Hours'],
  ['studentsReached', 'Students'],
  ['staffReached', 'Staff'],
] as const;

/** One breakdown of a report (by category, topic, agency, school or officer) as a table; withheld figures show as "—". */
export function FiguresTable<Row extends Figures>({
  title,
  rows,
  label,
  rowKey,
  rule,
}: {
  title: string;
  rows: Row[];
  label: (row: Row) => ReactNode;
  rowKey: (row: Row) => string;
  rule: SmallCellRule;
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
                {COLUMNS.map(([key, heading]) => (
                  <TableCell key={key} align="right">
                    {heading}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={rowKey(row)}>
                  <TableCell component="th" scope="row">
                    {label(row)}
                  </TableCell>
                  {COLUMNS.map(([key]) => (
                    <TableCell key={key} align="right">
                      <Figure value={row[key]} suppressed={row.suppressed} rule={rule} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {rows.some((row) => row.suppressed) && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          — {suppressionText(rule)}.
        </Typography>
      )}
    </>
  );
}
