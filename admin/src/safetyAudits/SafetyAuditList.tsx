import { Button } from '@mui/material';
import { DataTable, FilterButton, List, SelectInput, SimpleList, TopToolbar, useCanAccess } from 'react-admin';
import { Link } from 'react-router-dom';
import { DayField } from '../common/DateFields';
import { formatDate } from '../common/dates';
import { useIsPhone } from '../common/useIsPhone';
import { ServerExportButton } from '../dataProvider/serverExporter';
import type { SafetyAuditRecord } from './types';

const filters = [
  <SelectInput
    key="status"
    source="status"
    label="Status"
    choices={[
      { id: 'DRAFT', name: 'Draft' },
      { id: 'SUBMITTED', name: 'Submitted' },
    ]}
  />,
];

/** Facility safety audits, newest first; a draft opens in the audit walk. */
export function SafetyAuditList() {
  const isPhone = useIsPhone();
  const { canAccess: mayWalk } = useCanAccess({ resource: 'safetyAuditWalk', action: 'list' });
  const walkButton = mayWalk ? (
    <Button component={Link} to="/safety-audit-walk" variant="contained" size="large" sx={{ ml: 1 }}>
      Start or resume an audit
    </Button>
  ) : null;
  return (
    <List
      filters={filters}
      sort={{ field: 'date', order: 'DESC' }}
      actions={
        <TopToolbar>
          <FilterButton />
          <ServerExportButton />
          {walkButton}
        </TopToolbar>
      }
      title="Safety audits"
    >
      {isPhone ? (
        <SimpleList<SafetyAuditRecord>
          primaryText={(audit) => audit.school?.name ?? `School ${audit.schoolId}`}
          secondaryText={(audit) => `${formatDate(audit.date)} · ${audit.status}`}
          linkType="show"
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="date" label="Date">
            <DayField source="date" />
          </DataTable.Col>
          <DataTable.Col source="school.name" label="School" disableSort />
          <DataTable.Col source="status" label="Status" />
          <DataTable.Col
            source="findings"
            label="Failed items"
            disableSort
            render={(audit: SafetyAuditRecord) => audit.findings.filter((finding) => finding.severity !== null).length}
          />
        </DataTable>
      )}
    </List>
  );
}
