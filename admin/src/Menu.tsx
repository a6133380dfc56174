import AccountBalance from '@mui/icons-material/AccountBalance';
import Assessment from '@mui/icons-material/Assessment';
import AssignmentInd from '@mui/icons-material/AssignmentInd';
import Badge from '@mui/icons-material/Badge';
import Build from '@mui/icons-material/Build';
import Code from '@mui/icons-material/Code';
import EventBusy from '@mui/icons-material/EventBusy';
import EventNote from '@mui/icons-material/EventNote';
import FactCheck from '@mui/icons-material/FactCheck';
import Handshake from '@mui/icons-material/Handshake';
import History from '@mui/icons-material/History';
import Key from '@mui/icons-material/Key';
import Map from '@mui/icons-material/Map';
import NoteAdd from '@mui/icons-material/NoteAdd';
import People from '@mui/icons-material/People';
import ReportProblem from '@mui/icons-material/ReportProblem';
import School from '@mui/icons-material/School';
import { Menu as RaMenu, usePermissions } from 'react-admin';
import { canAccess, type Permissions } from './auth/permissions';

/** The side menu: the daily pages first, then the records, then the admin and API pages. Each only where allowed. */
export function Menu() {
  const { permissions } = usePermissions<Permissions>();
  const may = (page: string) => canAccess(permissions, page, 'list');
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="Dashboard" />
      {permissions?.role === 'OFFICER' && <RaMenu.Item to="/quick-log" primaryText="Quick log" leftIcon={<NoteAdd />} />}
      {may('coverage') && <RaMenu.Item to="/coverage" primaryText="Coverage" leftIcon={<Map />} />}
      {may('reports') && <RaMenu.Item to="/reports" primaryText="Reports" leftIcon={<Assessment />} />}
      <RaMenu.ResourceItem name="tips" leftIcon={<ReportProblem />} />
      {may('tipReport') && <RaMenu.Item to="/tip-report" primaryText="Tip report" leftIcon={<Assessment />} />}
      <RaMenu.ResourceItem name="schools" leftIcon={<School />} />
      <RaMenu.ResourceItem name="assignments" leftIcon={<AssignmentInd />} />
      <RaMenu.ResourceItem name="officers" leftIcon={<Badge />} />
      <RaMenu.ResourceItem name="officerAbsences" leftIcon={<EventBusy />} />
      <RaMenu.ResourceItem name="mous" leftIcon={<Handshake />} />
      <RaMenu.ResourceItem name="agencies" leftIcon={<AccountBalance />} />
      <RaMenu.ResourceItem name="activities" leftIcon={<EventNote />} />
      <RaMenu.ResourceItem name="users" leftIcon={<People />} />
      <RaMenu.ResourceItem name="auditEvents" leftIcon={<History />} />
      <RaMenu.ResourceItem name="apiTokens" leftIcon={<Key />} />
      <RaMenu.ResourceItem name="safetyAudits" leftIcon={<FactCheck />} />
      <RaMenu.ResourceItem name="correctiveActions" leftIcon={<Build />} />
      <RaMenu.Item to="/safety-audit-report" primaryText="Safety audit analysis" leftIcon={<Assessment />} />
      {may('explorer') && <RaMenu.Item to="/explorer" primaryText="API explorer" leftIcon={<Code />} />}
    </RaMenu>
  );
}
