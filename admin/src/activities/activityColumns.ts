export interface ActivityRecord {
  id: string;
  date: string;
  category: string;
  topic: string | null;
  durationMinutes: number;
  studentsReached: number;
  staffReached: number;
  notes: string | null;
  officer: { firstName: string; lastName: string; agency: { name: string } };
  school: { name: string } | null;
}
