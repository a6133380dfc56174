import { Box, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions } from 'react-admin';
import { Navigate } from 'react-router-dom';
import { canAccess, type Permissions } from '../auth/permissions';
import { OverdueTipsCard } from '../tips/OverdueTipsCard';
import { ActivityWeeks } from './ActivityWeeks';
import { ComingGaps } from './ComingGaps';
import { CoverageToday } from './CoverageToday';
import { MyAgency } from './MyAgency';
import { MyAssignments } from './MyAssignments';
import { SafetyAuditCards } from './SafetyAuditCards';
import { StaffingLists } from './StaffingLists';

/** The first page: read from the server's reports, never added up from list pages. */
export function Dashboard() {
  const { permissions } = usePermissions<Permissions>();
  const { identity } = useGetIdentity();
  const isOfficer = permissions?.role === 'OFFICER';
  // A chief's home shows its own agency first, then the district's coverage (labelled as such).
  const chiefAgency = permissions?.role === 'AGENCY_CHIEF' ? (identity?.agency as { id: string; name: string } | null | undefined) : null;
  // An officer's home is the quick log (sign-in no longer picks the page: it returns to where the user was).
  if (isOfficer) return <Navigate to="/quick-log" replace />;
  return (
    <Box sx={{ py: 2 }}>
      <Title title="Dashboard" />
      <Typography variant="h5" component="h2" sx={{ mb: 2 }}>
        {identity?.fullName ? `Welcome, ${identity.fullName}` : 'SRO Hub'}
      </Typography>
      {permissions && (
        <Stack spacing={2}>
          {canAccess(permissions, 'tips', 'list') && <OverdueTipsCard />}
          {chiefAgency && <MyAgency agencyId={chiefAgency.id} agencyName={chiefAgency.name} />}
          {isOfficer ? <MyAssignments /> : <CoverageToday title={chiefAgency ? 'District coverage today' : 'Coverage today'} />}
          {!isOfficer && <ComingGaps />}
          <ActivityWeeks />
          {!isOfficer && <StaffingLists />}
          <SafetyAuditCards />
        </Stack>
      )}
    </Box>
  );
}
