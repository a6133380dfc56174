/**
 * How each react-admin resource maps onto the API's list/CRUD conventions: the GraphQL names, the fields to
 * read, the sort fields, the filters and the input fields the mutations accept.
 */
export interface ResourceDefinition {
  /** GraphQL type, such as `Officer`: gives `officer(id)`, `createOfficer`, `CreateOfficerInput`... */
  typeName: string;
  /** List query, such as `officers`: gives `updateOfficers`, `OfficerFilter`... */
  listName: string;
  /** The fields read for every record. */
  selection: string;
  /** react-admin sort field -> API sort field. Anything else sorts by the API's default. */
  sortFields: Record<string, string>;
  /** Filter keys the API accepts; other keys (form-only ones) are dropped. */
  filters: string[];
  createFields: string[];
  updateFields: string[];
  bulkUpdateFields: string[];
  /** True when the API has no single-record query for the type: getOne reads the list filtered by id. */
  noSingleQuery?: boolean;
}

const officerSummary = 'id firstName lastName rank agency { id name }';

export const resources: Record<string, ResourceDefinition> = {
  agencies: {
    typeName: 'Agency',
    listName: 'agencies',
    selection: 'id name kind ori chiefName phone email address active createdAt updatedAt version',
    sortFields: { name: 'NAME', kind: 'KIND', createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT' },
    filters: ['q', 'ids', 'kind', 'active'],
    createFields: ['name', 'kind', 'ori', 'chiefName', 'phone', 'email', 'address', 'active'],
    updateFields: ['name', 'kind', 'ori', 'chiefName', 'phone', 'email', 'address', 'active'],
    bulkUpdateFields: ['active'],
  },
  mous: {
    typeName: 'Mou',
    listName: 'mous',
    selection: 'id title status effectiveDate expiryDate toRenew createdAt updatedAt version agency { id name }',
    sortFields: {
      title: 'TITLE',
      status: 'STATUS',
      effectiveDate: 'EFFECTIVE_DATE',
      expiryDate: 'EXPIRY_DATE',
      'agency.name': 'AGENCY_NAME',
    },
    filters: ['q', 'ids', 'agencyId', 'status', 'toRenew', 'inForceOn'],
    createFields: [],
    updateFields: [],
    bulkUpdateFields: [],
  },
  officers: {
    typeName: 'Officer',
    listName: 'officers',
    selection:
      'id firstName lastName badgeNumber rank email phone status sroSince sroTrainingCompletedOn notes createdAt updatedAt version agency { id name }',
    sortFields: {
      lastName: 'LAST_NAME',
      firstName: 'FIRST_NAME',
      badgeNumber: 'BADGE_NUMBER',
      rank: 'RANK',
      status: 'STATUS',
      sroSince: 'SRO_SINCE',
      agencyId: 'AGENCY_NAME',
      'agency.name': 'AGENCY_NAME',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    filters: ['q', 'ids', 'agencyId', 'rank', 'status', 'schoolId', 'assignedOn', 'unassignedOn'],
    createFields: [
      'agencyId',
      'firstName',
      'lastName',
      'badgeNumber',
      'rank',
      'email',
      'phone',
      'status',
      'sroSince',
      'sroTrainingCompletedOn',
      'notes',
    ],
    updateFields: [
      'agencyId',
      'firstName',
      'lastName',
      'badgeNumber',
      'rank',
      'email',
      'phone',
      'status',
      'sroSince',
      'sroTrainingCompletedOn',
      'notes',
    ],
    bulkUpdateFields: ['status'],
  },
  schools: {
    typeName: 'School',
    listName: 'schools',
    selection: 'id name ncesId level locale address enrollment principalName phone active coverageStatus createdAt updatedAt version',
    sortFields: {
      name: 'NAME',
      level: 'LEVEL',
      locale: 'LOCALE',
      enrollment: 'ENROLLMENT',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    filters: ['q', 'ids', 'active', 'level', 'locale', 'agencyId', 'officerId', 'servedOn'],
    createFields: ['name', 'ncesId', 'level', 'locale', 'address', 'enrollment', 'principalName', 'phone', 'active'],
    updateFields: ['name', 'ncesId', 'level', 'locale', 'address', 'enrollment', 'principalName', 'phone', 'active'],
    bulkUpdateFields: ['active'],
  },
  assignments: {
    typeName: 'Assignment',
    listName: 'assignments',
    selection: `id role startDate endDate fte notes createdAt updatedAt version officer { ${officerSummary} } school { id name level }`,
    sortFields: {
      startDate: 'START_DATE',
      endDate: 'END_DATE',
      fte: 'FTE',
      role: 'ROLE',
      officerId: 'OFFICER_NAME',
      'officer.lastName': 'OFFICER_NAME',
      schoolId: 'SCHOOL_NAME',
      'school.name': 'SCHOOL_NAME',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    filters: ['q', 'ids', 'officerId', 'schoolId', 'agencyId', 'role', 'activeOn', 'activeFrom', 'activeTo', 'endsFrom', 'endsTo'],
    createFields: ['officerId', 'schoolId', 'role', 'startDate', 'endDate', 'fte', 'notes'],
    updateFields: ['officerId', 'schoolId', 'role', 'startDate', 'endDate', 'fte', 'notes'],
    bulkUpdateFields: ['endDate'],
  },
  officerAbsences: {
    typeName: 'OfficerAbsence',
    listName: 'officerAbsences',
    selection: `id startDate endDate reason notes createdAt updatedAt version officer { ${officerSummary} } substitute { ${officerSummary} }`,
    sortFields: {
      startDate: 'START_DATE',
      endDate: 'END_DATE',
      reason: 'REASON',
      officerId: 'OFFICER_NAME',
      'officer.lastName': 'OFFICER_NAME',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    filters: ['q', 'ids', 'officerId', 'substituteOfficerId', 'agencyId', 'reason', 'activeOn'],
    createFields: ['officerId', 'startDate', 'endDate', 'reason', 'substituteOfficerId', 'notes'],
    updateFields: ['officerId', 'startDate', 'endDate', 'reason', 'substituteOfficerId', 'notes'],
    bulkUpdateFields: ['endDate'],
  },
  activities: {
    typeName: 'Activity',
    listName: 'activities',
    selection: `id date category topic durationMinutes studentsReached staffReached notes createdAt updatedAt version officer { ${officerSummary} } school { id name }`,
    sortFields: {
      date: 'DATE',
      category: 'CATEGORY',
      durationMinutes: 'DURATION_MINUTES',
      studentsReached: 'STUDENTS_REACHED',
      staffReached: 'STAFF_REACHED',
      officerId: 'OFFICER_NAME',
      schoolId: 'SCHOOL_NAME',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    filters: ['q', 'ids', 'officerId', 'schoolId', 'agencyId', 'category', 'topic', 'dateFrom', 'dateTo', 'districtWide'],
    createFields: ['officerId', 'schoolId', 'date', 'category', 'topic', 'durationMinutes', 'studentsReached', 'staffReached', 'notes'],
    updateFields: ['officerId', 'schoolId', 'date', 'category', 'topic', 'durationMinutes', 'studentsReached', 'staffReached', 'notes'],
    bulkUpdateFields: ['schoolId'],
  },
  users: {
    typeName: 'User',
    listName: 'users',
    selection:
      'id email displayName role active lastLoginAt createdAt updatedAt version agency { id name } officer { id firstName lastName }',
    sortFields: {
      email: 'EMAIL',
      displayName: 'DISPLAY_NAME',
      role: 'ROLE',
      lastLoginAt: 'LAST_LOGIN_AT',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    filters: ['q', 'ids', 'active', 'role', 'agencyId'],
    createFields: ['email', 'displayName', 'role', 'agencyId', 'officerId', 'password', 'active'],
    updateFields: ['email', 'displayName', 'role', 'agencyId', 'officerId', 'password', 'active'],
    bulkUpdateFields: ['active'],
  },
  auditEvents: {
    typeName: 'AuditEvent',
    listName: 'auditEvents',
    selection: 'id createdAt action actorLabel actorUserId entityType entityId changes details requestId clientAddress',
    sortFields: { createdAt: 'CREATED_AT', action: 'ACTION' },
    filters: ['ids', 'action', 'actorUserId', 'entityType', 'entityId', 'from', 'to'],
    createFields: [],
    updateFields: [],
    bulkUpdateFields: [],
    noSingleQuery: true,
  },
  tips: {
    typeName: 'Tip',
    listName: 'tips',
    selection:
      'id referenceNumber source receivedAt category lifeSafety status firstActionAt firstActionDueAt overdue closedAt disposition createdAt updatedAt version school { id name } assignedOfficers { id firstName lastName rank }',
    sortFields: {
      receivedAt: 'RECEIVED_AT',
      category: 'CATEGORY',
      status: 'STATUS',
      source: 'SOURCE',
      referenceNumber: 'REFERENCE_NUMBER',
      schoolId: 'SCHOOL_NAME',
      createdAt: 'CREATED_AT',
      updatedAt: 'UPDATED_AT',
    },
    filters: ['q', 'ids', 'status', 'source', 'category', 'schoolId', 'lifeSafety', 'officerId', 'mine', 'overdue'],
    createFields: ['referenceNumber', 'source', 'receivedAt', 'category', 'schoolId', 'lifeSafety', 'officerIds'],
    updateFields: ['referenceNumber', 'source', 'receivedAt', 'category', 'schoolId', 'lifeSafety', 'officerIds', 'closeAs'],
    bulkUpdateFields: ['officerIds', 'closeAs'],
  },
  tipSteps: {
    typeName: 'TipStep',
    listName: 'tipSteps',
    selection: `id takenAt kind minutes note createdAt updatedAt version officer { ${officerSummary} } tip { id referenceNumber }`,
    sortFields: { takenAt: 'TAKEN_AT', kind: 'KIND', minutes: 'MINUTES' },
    filters: ['tipId', 'officerId'],
    createFields: ['tipId', 'officerId', 'takenAt', 'kind', 'minutes', 'note'],
    updateFields: ['takenAt', 'kind', 'minutes', 'note'],
    bulkUpdateFields: ['minutes'],
  },
  // Facility safety audits: read through the lists; written by the audit walk's own mutations (safetyAudits/).
  safetyAudits: {
    typeName: 'SafetyAudit',
    listName: 'safetyAudits',
    selection:
      'id date status schoolId school { id name } templateId officerIds districtStaff durationMinutes submittedAt createdAt updatedAt version findings { id itemId result severity note }',
    sortFields: { date: 'DATE', status: 'STATUS', createdAt: 'CREATED_AT' },
    filters: ['ids', 'schoolId', 'status', 'dateFrom', 'dateTo'],
    createFields: [],
    updateFields: [],
    bulkUpdateFields: [],
  },
  correctiveActions: {
    typeName: 'CorrectiveAction',
    listName: 'correctiveActions',
    selection:
      'id what owner dueOn status overdue deferredReason completedOn findingId finding { id auditId severity item { id area criterion } } createdAt updatedAt version',
    sortFields: { dueOn: 'DUE_ON', status: 'STATUS', createdAt: 'CREATED_AT' },
    filters: ['ids', 'auditId', 'schoolId', 'status', 'owner', 'overdue'],
    createFields: [],
    updateFields: [],
    bulkUpdateFields: [],
  },
};

export function resourceDefinition(resource: string): ResourceDefinition {
  const definition = resources[resource];
  if (!definition) throw new Error(`Unknown resource "${resource}"`);
  return definition;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The GraphQL names derived from a definition, as the API spells them. */
export function graphqlNames(definition: ResourceDefinition) {
  const plural = upperFirst(definition.listName);
  return {
    one: lowerFirst(definition.typeName),
    list: definition.listName,
    filterType: `${definition.typeName}Filter`,
    sortType: `${definition.typeName}Sort`,
    create: `create${definition.typeName}`,
    update: `update${definition.typeName}`,
    delete: `delete${definition.typeName}`,
    updateMany: `update${plural}`,
    deleteMany: `delete${plural}`,
    createInput: `Create${definition.typeName}Input`,
    updateInput: `Update${definition.typeName}Input`,
    bulkUpdateInput: `BulkUpdate${definition.typeName}Input`,
  };
}
