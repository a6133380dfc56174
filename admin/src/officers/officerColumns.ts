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
