import { registerEnumType } from 'type-graphql';

/** The areas of a facility safety checklist, in the order an auditor walks a building. */
export enum ChecklistArea {
  ACCESS_CONTROL = 'ACCESS_CONTROL',
  VISITOR_MANAGEMENT = 'VISITOR_MANAGEMENT',
  COMMUNICATIONS = 'COMMUNICATIONS',
  EMERGENCY_PLANS_AND_DRILLS = 'EMERGENCY_PLANS_AND_DRILLS',
  SURVEILLANCE = 'SURVEILLANCE',
  LIGHTING_AND_GROUNDS = 'LIGHTING_AND_GROUNDS',
  CLASSROOM_SECURITY = 'CLASSROOM_SECURITY',
  TRANSPORTATION = 'TRANSPORTATION',
}

export enum FindingSeverity {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export enum FindingResult {
  MEETS = 'MEETS',
  NEEDS_IMPROVEMENT = 'NEEDS_IMPROVEMENT',
  DEFICIENT = 'DEFICIENT',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

export enum SafetyAuditStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
}

export enum CorrectiveActionOwner {
  SCHOOL = 'SCHOOL',
  DISTRICT_FACILITIES = 'DISTRICT_FACILITIES',
  AGENCY = 'AGENCY',
}

export enum CorrectiveActionStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  DEFERRED = 'DEFERRED',
}

registerEnumType(ChecklistArea, {
  name: 'ChecklistArea',
  description: 'An area of a facility safety checklist.',
  valuesConfig: {
    ACCESS_CONTROL: { description: 'Doors, locks, keys and the secure entry.' },
    VISITOR_MANAGEMENT: { description: 'Sign-in, badges and escorts of visitors.' },
    COMMUNICATIONS: { description: 'Radios, public address, mass notification and phones.' },
    EMERGENCY_PLANS_AND_DRILLS: { description: 'The emergency operations plan and its drills.' },
    SURVEILLANCE: { description: 'Cameras and their monitoring.' },
    LIGHTING_AND_GROUNDS: { description: 'Exterior lighting, fences, landscaping and parking.' },
    CLASSROOM_SECURITY: { description: 'Classroom doors, safe areas and window coverings.' },
    TRANSPORTATION: { description: 'Bus loading, drop-off and pick-up.' },
  },
});

registerEnumType(FindingSeverity, {
  name: 'FindingSeverity',
  description: 'How serious a failed criterion is; it sets the default due date of its corrective action.',
  valuesConfig: {
    LOW: { description: 'Low: a minor gap.' },
    MEDIUM: { description: 'Medium: a gap to close within the school year.' },
    HIGH: { description: 'High: a gap to close within a month.' },
    CRITICAL: { description: 'Critical: a danger to close within a week.' },
  },
});

registerEnumType(FindingResult, {
  name: 'FindingResult',
  description: 'What the auditors found for one checklist item.',
  valuesConfig: {
    MEETS: { description: 'The criterion is met.' },
    NEEDS_IMPROVEMENT: { description: 'Partly met: it needs improvement.' },
    DEFICIENT: { description: 'Not met.' },
    NOT_APPLICABLE: { description: 'Does not apply to this school.' },
  },
});

registerEnumType(SafetyAuditStatus, {
  name: 'SafetyAuditStatus',
  description: 'Where an audit stands: a draft is edited while walking the building; a submitted audit is read-only.',
  valuesConfig: {
    DRAFT: { description: 'Being filled in.' },
    SUBMITTED: { description: 'Done and read-only.' },
  },
});

registerEnumType(CorrectiveActionOwner, {
  name: 'CorrectiveActionOwner',
  description: 'Who carries out a corrective action.',
  valuesConfig: {
    SCHOOL: { description: 'The school itself.' },
    DISTRICT_FACILITIES: { description: "The district's facilities department." },
    AGENCY: { description: 'The law-enforcement agency.' },
  },
});

registerEnumType(CorrectiveActionStatus, {
  name: 'CorrectiveActionStatus',
  description: 'Where a corrective action stands.',
  valuesConfig: {
    OPEN: { description: 'Not started.' },
    IN_PROGRESS: { description: 'Being worked on.' },
    DONE: { description: 'Completed (with the day it was completed).' },
    DEFERRED: { description: 'Put off, with the reason.' },
  },
});
