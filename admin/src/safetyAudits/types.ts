/** A finding as the console reads it; `note` is null where the reader may not see it (ANALYST). */
export interface FindingRecord {
  id: string;
  itemId: string;
  result: 'MEETS' | 'NEEDS_IMPROVEMENT' | 'DEFICIENT' | 'NOT_APPLICABLE';
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL' | null;
  note: string | null;
}

export interface SafetyAuditRecord {
  id: string;
  date: string;
  status: 'DRAFT' | 'SUBMITTED';
  schoolId: string;
  school: { id: string; name: string } | null;
  templateId: string;
  officerIds: string[];
  districtStaff: string[];
  durationMinutes: number;
  version: number;
  findings: FindingRecord[];
}

export interface ChecklistItemRecord {
  id: string;
  area: string;
  position: number;
  criterion: string;
  guidance: string;
  defaultSeverity: string;
}

/** The areas in walking order, with the words the console shows. */
export const AREAS: { id: string; name: string }[] = [
  { id: 'ACCESS_CONTROL', name: 'Access control' },
  { id: 'VISITOR_MANAGEMENT', name: 'Visitor management' },
  { id: 'COMMUNICATIONS', name: 'Communications' },
  { id: 'EMERGENCY_PLANS_AND_DRILLS', name: 'Emergency plans and drills' },
  { id: 'SURVEILLANCE', name: 'Surveillance' },
  { id: 'LIGHTING_AND_GROUNDS', name: 'Lighting and grounds' },
  { id: 'CLASSROOM_SECURITY', name: 'Classroom security' },
  { id: 'TRANSPORTATION', name: 'Transportation' },
];

export const RESULTS: { id: FindingRecord['result']; name: string; color: 'success' | 'warning' | 'error' | 'inherit' }[] = [
  { id: 'MEETS', name: 'Meets', color: 'success' },
  { id: 'NEEDS_IMPROVEMENT', name: 'Needs improvement', color: 'warning' },
  { id: 'DEFICIENT', name: 'Deficient', color: 'error' },
  { id: 'NOT_APPLICABLE', name: 'N/A', color: 'inherit' },
];
