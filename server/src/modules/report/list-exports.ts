import express, { type Request, type Response } from 'express';
import { execute, parse, type GraphQLError, type GraphQLSchema } from 'graphql';
import { audit } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { badInput } from '../../common/errors';
import { MAX_PER_PAGE } from '../../common/list';
import type { RequestPipeline } from '../../common/request-pipeline';
import { csvDownload, type Cell } from './csv';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Item = Record<string, any>;

/** One list the console shows: its GraphQL query field, the fields read, and the CSV columns made of them. */
interface ListExport {
  field: string;
  filterType: string;
  sortType: string;
  selection: string;
  columns: Record<string, (item: Item) => Cell>;
}

const name = (officer: Item | null | undefined) => (officer ? `${officer.lastName}, ${officer.firstName}` : null);
const officerSummary = 'id firstName lastName agency { id name }';

/**
 * The lists, with the columns the console's lists show and ids beside names. The rows are the GraphQL list's own
 * answer (same resolvers), so scoping, hidden fields (null where the caller may not read them) and sort are the API's.
 */
export const LIST_EXPORTS: Record<string, ListExport> = {
  agencies: {
    field: 'agencies',
    filterType: 'AgencyFilter',
    sortType: 'AgencySort',
    selection: 'id name kind ori chiefName phone email active',
    columns: {
      id: (agency) => agency.id,
      name: (agency) => agency.name,
      kind: (agency) => agency.kind,
      ori: (agency) => agency.ori,
      chief: (agency) => agency.chiefName,
      phone: (agency) => agency.phone,
      email: (agency) => agency.email,
      active: (agency) => agency.active,
    },
  },
  officers: {
    field: 'officers',
    filterType: 'OfficerFilter',
    sortType: 'OfficerSort',
    selection: 'id firstName lastName rank badgeNumber status sroSince sroTrainingCompletedOn email phone agency { id name }',
    columns: {
      id: (officer) => officer.id,
      last_name: (officer) => officer.lastName,
      first_name: (officer) => officer.firstName,
      rank: (officer) => officer.rank,
      agency_id: (officer) => officer.agency.id,
      agency: (officer) => officer.agency.name,
      badge_number: (officer) => officer.badgeNumber,
      status: (officer) => officer.status,
      sro_since: (officer) => officer.sroSince,
      training_completed_on: (officer) => officer.sroTrainingCompletedOn,
      email: (officer) => officer.email,
      phone: (officer) => officer.phone,
    },
  },
  schools: {
    field: 'schools',
    filterType: 'SchoolFilter',
    sortType: 'SchoolSort',
    selection: 'id name ncesId level locale enrollment principalName phone active coverageStatus',
    columns: {
      id: (school) => school.id,
      name: (school) => school.name,
      nces_id: (school) => school.ncesId,
      level: (school) => school.level,
      locale: (school) => school.locale,
      enrollment: (school) => school.enrollment,
      principal: (school) => school.principalName,
      phone: (school) => school.phone,
      open: (school) => school.active,
      coverage_today: (school) => school.coverageStatus,
    },
  },
  assignments: {
    field: 'assignments',
    filterType: 'AssignmentFilter',
    sortType: 'AssignmentSort',
    selection: `id role startDate endDate fte officer { ${officerSummary} rank } school { id name }`,
    columns: {
      id: (assignment) => assignment.id,
      officer_id: (assignment) => assignment.officer.id,
      officer: (assignment) => name(assignment.officer),
      rank: (assignment) => assignment.officer.rank,
      agency_id: (assignment) => assignment.officer.agency.id,
      agency: (assignment) => assignment.officer.agency.name,
      school_id: (assignment) => assignment.school.id,
      school: (assignment) => assignment.school.name,
      role: (assignment) => assignment.role,
      start_date: (assignment) => assignment.startDate,
      end_date: (assignment) => assignment.endDate,
      fte: (assignment) => assignment.fte,
    },
  },
  officerAbsences: {
    field: 'officerAbsences',
    filterType: 'OfficerAbsenceFilter',
    sortType: 'OfficerAbsenceSort',
    selection: `id startDate endDate reason notes officer { ${officerSummary} } substitute { ${officerSummary} }`,
    columns: {
      id: (absence) => absence.id,
      officer_id: (absence) => absence.officer.id,
      officer: (absence) => name(absence.officer),
      agency_id: (absence) => absence.officer.agency.id,
      agency: (absence) => absence.officer.agency.name,
      start_date: (absence) => absence.startDate,
      end_date: (absence) => absence.endDate,
      reason: (absence) => absence.reason,
      substitute_id: (absence) => absence.substitute?.id,
      substitute: (absence) => name(absence.substitute),
      notes: (absence) => absence.notes,
    },
  },
  activities: {
    field: 'activities',
    filterType: 'ActivityFilter',
    sortType: 'ActivitySort',
    selection: `id date category topic durationMinutes studentsReached staffReached notes officer { ${officerSummary} } school { id name }`,
    columns: {
      id: (activity) => activity.id,
      date: (activity) => activity.date,
      officer_id: (activity) => activity.officer.id,
      officer: (activity) => name(activity.officer),
      agency_id: (activity) => activity.officer.agency.id,
      agency: (activity) => activity.officer.agency.name,
      school_id: (activity) => activity.school?.id,
      // The console's word for an activity without a school.
      school: (activity) => activity.school?.name ?? 'District-wide',
      category: (activity) => activity.category,
      topic: (activity) => activity.topic,
      minutes: (activity) => activity.durationMinutes,
      students_reached: (activity) => activity.studentsReached,
      staff_reached: (activity) => activity.staffReached,
      notes: (activity) => activity.notes,
    },
  },
  // Facility safety audits (issue 20): the lists without a finding's note, which no export carries.
  safetyAudits: {
    field: 'safetyAudits',
    filterType: 'SafetyAuditFilter',
    sortType: 'SafetyAuditSort',
    selection: 'id date status schoolId school { id name } templateId officerIds districtStaff durationMinutes submittedAt',
    columns: {
      id: (audit) => audit.id,
      date: (audit) => audit.date,
      status: (audit) => audit.status,
      school_id: (audit) => audit.schoolId,
      school: (audit) => audit.school?.name,
      template_id: (audit) => audit.templateId,
      officer_ids: (audit) => audit.officerIds.join(' '),
      district_staff: (audit) => audit.districtStaff.join('; '),
      minutes: (audit) => audit.durationMinutes,
      submitted_at: (audit) => audit.submittedAt,
    },
  },
  correctiveActions: {
    field: 'correctiveActions',
    filterType: 'CorrectiveActionFilter',
    sortType: 'CorrectiveActionSort',
    selection: 'id what owner dueOn status overdue deferredReason completedOn findingId finding { auditId severity }',
    columns: {
      id: (action) => action.id,
      audit_id: (action) => action.finding?.auditId,
      finding_id: (action) => action.findingId,
      severity: (action) => action.finding?.severity,
      what: (action) => action.what,
      owner: (action) => action.owner,
      due_on: (action) => action.dueOn,
      status: (action) => action.status,
      overdue: (action) => action.overdue,
      deferred_reason: (action) => action.deferredReason,
      completed_on: (action) => action.completedOn,
    },
  },
  users: {
    field: 'users',
    filterType: 'UserFilter',
    sortType: 'UserSort',
    selection: 'id email displayName role active lastLoginAt agency { id name }',
    columns: {
      id: (user) => user.id,
      email: (user) => user.email,
      display_name: (user) => user.displayName,
      role: (user) => user.role,
      agency_id: (user) => user.agency?.id,
      agency: (user) => user.agency?.name,
      active: (user) => user.active,
      last_sign_in: (user) => user.lastLoginAt,
    },
  },
  auditEvents: {
    field: 'auditEvents',
    filterType: 'AuditEventFilter',
    sortType: 'AuditEventSort',
    selection: 'id createdAt actorLabel actorUserId action entityType entityId changes requestId',
    columns: {
      id: (event) => event.id,
      created_at: (event) => event.createdAt,
      actor_user_id: (event) => event.actorUserId,
      actor: (event) => event.actorLabel,
      action: (event) => event.action,
      entity_type: (event) => event.entityType,
      entity_id: (event) => event.entityId,
      changes: (event) => (event.changes == null ? null : JSON.stringify(event.changes)),
      request_id: (event) => event.requestId,
    },
  },
  tips: {
    field: 'tips',
    filterType: 'TipFilter',
    sortType: 'TipSort',
    selection:
      'id referenceNumber source receivedAt category lifeSafety status firstActionDueAt firstActionAt overdue closedAt disposition school { id name }',
    columns: {
      id: (tip) => tip.id,
      reference_number: (tip) => tip.referenceNumber,
      source: (tip) => tip.source,
      received_at: (tip) => tip.receivedAt,
      category: (tip) => tip.category,
      life_safety: (tip) => tip.lifeSafety,
      status: (tip) => tip.status,
      first_action_due_at: (tip) => tip.firstActionDueAt,
      first_action_at: (tip) => tip.firstActionAt,
      overdue: (tip) => tip.overdue,
      closed_at: (tip) => tip.closedAt,
      disposition: (tip) => tip.disposition,
      school_id: (tip) => tip.school?.id,
      school: (tip) => tip.school?.name,
    },
  },
};

export interface ListExportOptions {
  schema: GraphQLSchema;
  context(request: Request, response: Response): RequestContext;
  /** The request pipeline /graphql runs through too (report.export.ts). */
  pipeline: RequestPipeline;
  /** The checks /graphql applies to its variables, given by the app (graphql/). */
  checkVariables(variables: Record<string, unknown>): void;
}

/** The `filter` (JSON of the list's filter input) and `sort`/`order` query parameters, as GraphQL variables. */
function listVariables(query: Request['query']): { filter: unknown; sort?: { field: unknown; order: unknown } } {
  const single = (key: string) => {
    const value = query[key];
    if (value !== undefined && typeof value !== 'string') throw badInput(`${key} must be given once`, { [key]: ['Give it once'] });
    return value;
  };
  const text = single('filter');
  let filter: unknown = undefined;
  if (text !== undefined && text !== '') {
    try {
      filter = JSON.parse(text);
    } catch {
      throw badInput('filter is not JSON', { filter: ['Expected the JSON of the list’s filter input, such as {"agencyId":"3"}'] });
    }
  }
  const field = single('sort');
  const order = single('order') ?? 'ASC';
  return { filter, ...(field ? { sort: { field, order: order.toUpperCase() } } : {}) };
}

/**
 * A GraphQL error of the list as the export's error: variables that do not fit the input types are BAD_USER_INPUT,
 * as /graphql answers them; a field's error is its original one, for the pipeline's one error mapping.
 */
function exportError(error: GraphQLError): unknown {
  if (!error.path || !error.originalError) {
    // Not a field's error: the parameters did not fit the list's input types (`Variable "$filter" got invalid value`).
    const parameter = /Variable "\$(\w+)"/.exec(error.message)?.[1] ?? 'filter';
    return badInput(`Invalid ${parameter}: ${error.message}`, { [parameter]: [error.message] });
  }
  return error.originalError;
}

/**
 * GET /export/<list>.csv: every row of a list matching `filter` and `sort`, read page by page (500 rows) through
 * the GraphQL list itself inside one transaction under the caller's row security, each page written out before
 * the next is read. The export is an audit event naming the list, its filter and its sort.
 */
export function listExportHandler(list: string, options: ListExportOptions) {
  const spec = LIST_EXPORTS[list];
  const document = parse(`query Export($filter: ${spec.filterType}, $sort: ${spec.sortType}, $page: Int!, $perPage: Int!) {
    list: ${spec.field}(filter: $filter, sort: $sort, page: $page, perPage: $perPage) { items { ${spec.selection} } totalCount }
  }`);
  const columns = Object.keys(spec.columns);
  return async (request: Request, response: Response) => {
    const { pipeline } = options;
    try {
      const ctx = options.context(request, response);
      let variables: ReturnType<typeof listVariables> | undefined;
      const readPage = async (page: number, perPage = MAX_PER_PAGE) => {
        const result = await execute({
          schema: options.schema,
          document,
          contextValue: ctx,
          variableValues: { ...variables, page, perPage },
        });
        if (result.errors?.length) throw exportError(result.errors[0]);
        return (result.data as { list: { items: Item[]; totalCount: number } }).list;
      };
      // First a short transaction: who is asking, the parameters, one row that checks the filter and the caller's
      // right to the list, and the audit event, committed before the first byte is sent, so that a download cut
      // short is in the audit trail too.
      await pipeline.transaction(ctx, async () => {
        variables = listVariables(request.query);
        options.checkVariables(variables);
        await readPage(1, 1);
        audit(ctx.em, ctx, { action: 'export', entityType: 'List', entityId: list, details: { list, ...variables } });
        await ctx.em.flush();
      });

      const writer = csvDownload(response, `${list}.csv`);
      await writer.line(columns);
      // Then every page in one transaction, so that the pages are one snapshot: no row twice or missed between them.
      await pipeline.transaction(ctx, async () => {
        for (let number = 1; ; number += 1) {
          const page = await readPage(number);
          for (const item of page.items) await writer.line(columns.map((column) => spec.columns[column](item)));
          await writer.flush();
          if (number * MAX_PER_PAGE >= page.totalCount || page.items.length === 0) break;
        }
      });
      response.end();
    } catch (error) {
      pipeline.fail(response, error);
    }
  };
}

/** Mounts GET /<list>.csv for every list on the export router. */
export function mountListExports(router: express.Router, options: ListExportOptions): void {
  for (const list of Object.keys(LIST_EXPORTS)) router.get(`/${list}.csv`, listExportHandler(list, options));
}
