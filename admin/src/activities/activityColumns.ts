import { csvExporter } from '../common/csvExporter';
import { activityCategories, instructionTopics, labelOf } from '../choices';

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

export const activityExporter = csvExporter<ActivityRecord>('activities', [
  { header: 'Date', value: (activity) => activity.date },
  { header: 'Officer', value: (activity) => `${activity.officer.lastName}, ${activity.officer.firstName}` },
  { header: 'Agency', value: (activity) => activity.officer.agency.name },
  { header: 'School', value: (activity) => activity.school?.name ?? 'District-wide' },
  { header: 'Category', value: (activity) => labelOf(activityCategories, activity.category) },
  { header: 'Topic', value: (activity) => labelOf(instructionTopics, activity.topic) },
  { header: 'Minutes', value: (activity) => activity.durationMinutes },
  { header: 'Students reached', value: (activity) => activity.studentsReached },
  { header: 'Staff reached', value: (activity) => activity.staffReached },
  { header: 'Notes', value: (activity) => activity.notes },
]);
