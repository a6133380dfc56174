import { DataTable, List, SearchInput, SelectInput, BooleanInput } from 'react-admin';
import { formatDate } from '../common/dates';
import { ServerListActions } from '../dataProvider/ServerListActions';

const statuses = [
  { id: 'DRAFT', name: 'Draft' },
  { id: 'IN_FORCE', name: 'In force' },
  { id: 'EXPIRED', name: 'Expired' },
  { id: 'TERMINATED', name: 'Terminated' },
];

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Title" />,
  <SelectInput key="status" source="status" label="Status" choices={statuses} />,
  <BooleanInput key="toRenew" source="toRenew" label="To renew" />,
];

interface MouRecord {
  id: string;
  title: string;
  status: string;
  effectiveDate: string;
  expiryDate: string;
  toRenew: boolean;
  agency: { name: string };
}

/** Agreements with their status and expiry; those to renew (expiring within MOU_RENEWAL_DAYS) stand out. */
export function MouList() {
  return (
    <List filters={filters} sort={{ field: 'expiryDate', order: 'ASC' }} actions={<ServerListActions />}>
      <DataTable<MouRecord> bulkActionButtons={false} rowSx={(mou) => (mou.toRenew ? { backgroundColor: 'rgba(255, 193, 7, 0.18)' } : {})}>
        <DataTable.Col source="title" label="Title" />
        <DataTable.Col source="agency.name" label="Agency" />
        <DataTable.Col
          source="status"
          label="Status"
          render={(mou) => statuses.find((status) => status.id === mou.status)?.name ?? mou.status}
        />
        <DataTable.Col source="effectiveDate" label="Effective" render={(mou) => formatDate(mou.effectiveDate)} />
        <DataTable.Col
          source="expiryDate"
          label="Expires"
          render={(mou) => (mou.toRenew ? `${formatDate(mou.expiryDate)} · to renew` : formatDate(mou.expiryDate))}
        />
      </DataTable>
    </List>
  );
}
