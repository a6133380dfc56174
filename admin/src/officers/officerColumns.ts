import { csvExporter } from '../common/csvExporter';
import { labelOf, officerRanks, officerStatuses } from '../choices';

export interface OfficerRecord {
  id: string;
  firstName: string;
  lastName: string;
  badgeNumber: string | null;
  rank: string;
  email: string | null;
  phone: string | null;
  status: string | null;
  sroSince: string | null;
  sroTrainingCompletedOn: string | null;
  agencyId: string;
  agency: { id: string; name: string };
}

export const officerExporter = csvExporter<OfficerRecord>('officers', [
  { header: 'Last name', value: (officer) => officer.lastName },
  { header: 'First name', value: (officer) => officer.firstName },
  { header: 'Rank', value: (officer) => labelOf(officerRanks, officer.rank) },
  { header: 'Agency', value: (officer) => officer.agency?.name },
  { header: 'Badge number', value: (officer) => officer.badgeNumber },
  { header: 'Status', value: (officer) => labelOf(officerStatuses, officer.status) },
  { header: 'SRO since', value: (officer) => officer.sroSince },
  { header: 'Training completed', value: (officer) => officer.sroTrainingCompletedOn },
  { header: 'E-mail', value: (officer) => officer.email },
  { header: 'Phone', value: (officer) => officer.phone },
]);
