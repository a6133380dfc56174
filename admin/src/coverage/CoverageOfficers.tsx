import { Typography } from '@mui/material';
import { assignmentRoles, labelOf, officerRanks } from '../choices';
import type { SchoolCoverage } from '../reports/reportQueries';

const officerName = (officer: { rank: string; firstName: string; lastName: string }) =>
  `${labelOf(officerRanks, officer.rank)} ${officer.firstName} ${officer.lastName}`;

/** The officers serving a school on the date (a substitute says for whom), then those away and who stands in. */
export function CoverageOfficers({ row }: { row: SchoolCoverage }) {
  return (
    <>
      {row.officers.map((entry) => (
        <div key={`${entry.assignmentId}-${entry.officer.id}`}>
          {officerName(entry.officer)} · {entry.agency.name} · {labelOf(assignmentRoles, entry.role)} {entry.fte}
          {entry.substituteFor && ` · substitute for ${officerName(entry.substituteFor)}`}
        </div>
      ))}
      {row.absent.map((entry) => (
        <Typography key={`absent-${entry.assignmentId}`} variant="body2" color="text.secondary">
          Away: {officerName(entry.officer)} · {labelOf(assignmentRoles, entry.role)} {entry.fte}
          {entry.substitutedBy ? ` · substitute ${officerName(entry.substitutedBy)}` : ' · no substitute'}
        </Typography>
      ))}
    </>
  );
}
