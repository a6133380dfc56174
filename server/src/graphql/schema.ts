import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema, type AuthChecker } from 'type-graphql';
import type { RequestContext } from '../common/context';
import { callFieldResolversDirectly, readPathMode } from '../db/read-path';
import { forbidden, unauthenticated } from '../common/errors';
import { ActivityResolver } from '../modules/activity/activity.resolver';
import { AgencyResolver } from '../modules/agency/agency.resolver';
import { AssignmentResolver } from '../modules/assignment/assignment.resolver';
import { AgencyOfficersResolver, OfficerResolver } from '../modules/officer/officer.resolver';
import { SchoolClosureResolver, SchoolYearResolver } from '../modules/calendar/calendar.resolver';
import { CostShareResolver } from '../modules/agreement/cost-share.resolver';
import { MouCostTermResolver } from '../modules/agreement/mou-cost-term.resolver';
import { mouResolver } from '../modules/agreement/mou.resolver';
import type { AgreementSettings } from '../modules/agreement/mou.service';
import { OfficerAbsenceResolver } from '../modules/officer-absence/officer-absence.resolver';
import { SchoolResolver } from '../modules/school/school.resolver';
import { DEFAULT_SAFETY_AUDIT_SETTINGS } from '../modules/safety-audit/corrective-action.service';
import type { SafetyAuditReportSettings } from '../modules/safety-audit/safety-audit-report.service';
import { safetyAuditResolvers } from '../modules/safety-audit/safety-audit.resolver';
import { TrainingCourseResolver, TrainingRecordResolver, TrainingRequirementResolver } from '../modules/training/training.resolver';
import { apiTokenResolver, type ApiTokenSettings } from '../modules/auth/api-token.resolver';
import { AuditEventResolver } from '../modules/audit/audit.resolver';
import { authResolver } from '../modules/auth/auth.resolver';
import { reportResolver } from '../modules/report/report.resolver';
import { TipResolver, tipReportResolver, TipStepResolver } from '../modules/tip/tip.resolver';
import { configureTips, type TipSettings } from '../modules/tip/tip.settings';
import { UserLinksResolver, UserResolver } from '../modules/user/user.resolver';
import type { SessionSettings } from '../modules/auth/auth.service';
import { assignmentTrainingResolver } from '../modules/training/assignment-training.resolver';
import type { ReportSettings } from '../modules/report/activity-report.service';
import {
  DEFAULT_TRAINING_SETTINGS,
  trainingComplianceResolver,
  type TrainingSettings,
} from '../modules/training/training-compliance.resolver';

/** `@Authorized()` needs a signed-in user; `@Authorized(roles)` one of those roles. Row rules live in the policies. */
const authChecker: AuthChecker<RequestContext> = ({ context }, roles) => {
  if (!context.actor) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.actor.role)) throw forbidden();
  return true;
};

export interface SchemaOptions {
  session: SessionSettings;
  reports: ReportSettings;
  apiTokens: ApiTokenSettings;
  /** AUDIT_CYCLE_MONTHS and ACTION_DUE_DAYS_*; their defaults when left out. */
  safetyAudits?: SafetyAuditReportSettings;
  /** Tip deadlines; the defaults when left out (schema emission, unit tests). */
  tips?: TipSettings;
  /** Training compliance (TRAINING_DUE_SOON_DAYS, PROGRAM_YEAR_START_MONTH); the defaults when left out. */
  training?: TrainingSettings;
  /** MOU_RENEWAL_DAYS (120 when left out). */
  agreements?: AgreementSettings;
}

export async function buildApiSchema({
  session,
  reports,
  apiTokens,
  safetyAudits = DEFAULT_SAFETY_AUDIT_SETTINGS,
  tips,
  training = DEFAULT_TRAINING_SETTINGS,
  agreements = { renewalDays: 120 },
}: SchemaOptions): Promise<GraphQLSchema> {
  if (tips) configureTips(tips);
  const resolvers = [
    AgencyResolver,
    OfficerResolver,
    AgencyOfficersResolver,
    SchoolResolver,
    AssignmentResolver,
    ActivityResolver,
    OfficerAbsenceResolver,
    SchoolYearResolver,
    SchoolClosureResolver,
    TrainingCourseResolver,
    TrainingRecordResolver,
    TrainingRequirementResolver,
    mouResolver(agreements),
    MouCostTermResolver,
    CostShareResolver,
    UserResolver,
    UserLinksResolver,
    apiTokenResolver(apiTokens),
    AuditEventResolver,
    authResolver(session),
    reportResolver(reports),
    ...safetyAuditResolvers(safetyAudits),
    TipResolver,
    TipStepResolver,
    tipReportResolver({ programYearStartMonth: reports.programYearStartMonth, minTipsPerCell: reports.smallCells.minActivities }),
    trainingComplianceResolver(training),
    assignmentTrainingResolver(training),
  ] as const;
  const schema = await buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
  });
  // READ_PATH=orm keeps type-graphql's own handler for every field.
  if (readPathMode() === 'fast') callFieldResolversDirectly(schema, resolvers);
  // type-graphql leaves the root types undescribed; the API is read in its schema.
  schema.getQueryType()!.description = 'Everything SRO Hub answers: records, lists and reports, scoped to who asks.';
  schema.getMutationType()!.description = 'Every change SRO Hub accepts; each runs in one transaction and is audited.';
  return schema;
}

/** The SDL committed at schema/schema.graphql: sorted, so that a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
