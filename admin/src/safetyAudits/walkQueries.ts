/** The audit walk's own documents (checked against schema/schema.graphql by the contract test). */
export const AUDIT_FIELDS =
  'id date status schoolId school { id name } templateId officerIds districtStaff durationMinutes version findings { id itemId result severity note }';

export const WALK_AUDIT = `query AuditWalk($id: ID!) {
  safetyAudit(id: $id) { ${AUDIT_FIELDS} }
  checklistTemplates { id name versionNumber publishedAt items { id area position criterion guidance defaultSeverity } }
}`;

export const WALK_START = `query AuditWalkStart {
  checklistTemplates { id name versionNumber publishedAt }
  safetyAudits(filter: { status: DRAFT }, perPage: 50, sort: { field: DATE, order: DESC }) { items { id date school { id name } } }
}`;

export const CREATE_AUDIT = `mutation StartAudit($input: CreateSafetyAuditInput!) { createSafetyAudit(input: $input) { id } }`;

export const SAVE_FINDINGS = `mutation SaveFindings($id: ID!, $findings: [FindingInput!]!) {
  saveSafetyAuditFindings(id: $id, findings: $findings) { ${AUDIT_FIELDS} }
}`;

export const SUBMIT_AUDIT = `mutation SubmitAudit($id: ID!, $version: Int!) { submitSafetyAudit(id: $id, version: $version) { ${AUDIT_FIELDS} } }`;

export const DASHBOARD_AUDITS = `query SafetyAuditCards {
  schoolsDueForAudit { schoolId schoolName lastAuditOn dueOn }
  correctiveActions(filter: { overdue: true }, perPage: 5, sort: { field: DUE_ON, order: ASC }) { totalCount items { id what dueOn owner } }
}`;

export const MARK_DONE = `mutation MarkDone($id: ID!, $version: Int!) { updateCorrectiveAction(id: $id, input: { version: $version, status: DONE }) { id status } }`;

export const SAFETY_AUDIT_REPORT = `query SafetyAuditReport($from: Date, $to: Date, $preset: PeriodPreset) {
  safetyAuditReport(from: $from, to: $to, preset: $preset) {
    current { from to audits schoolsAudited schoolsDue findings meetingShare actionsOpened actionsClosed overdue medianDaysToClose p90DaysToClose
      findingsByAreaAndSeverity { area severity findings } openByAge { band actions } }
    previous { from to audits schoolsAudited schoolsDue findings meetingShare actionsOpened actionsClosed overdue medianDaysToClose p90DaysToClose }
    auditsChange meetingShareChange
    mostOpenHighOrCritical { schoolId schoolName openHighOrCritical }
  }
}`;
