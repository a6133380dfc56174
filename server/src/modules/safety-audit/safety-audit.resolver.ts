import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ListType, PageArgs, type SortArg } from '../../common/list';
import { requireActor } from '../../common/policy';
import { parseId } from '../../common/validation';
import { School } from '../school/school.entity';
import { ChecklistItem, ChecklistTemplate } from './checklist.entity';
import { CorrectiveAction } from './corrective-action.entity';
import {
  createCorrectiveAction,
  getCorrectiveAction,
  listCorrectiveActions,
  updateCorrectiveAction,
  type SafetyAuditSettings,
} from './corrective-action.service';
import { checklistTemplates, createChecklistVersion, publishChecklistTemplate, saveChecklistItem } from './checklist.service';
import { safetyAuditReport, schoolsDueForAudit, type SafetyAuditReportSettings } from './safety-audit-report.service';
import { SafetyAuditReport, SafetyAuditReportArgs, SchoolDueForAudit } from './safety-audit-report.types';
import { loadFindings, loadItems, loadOverdue, loadTeam } from './safety-audit.loaders';
import { SafetyAudit, SafetyAuditFinding } from './safety-audit.entity';
import {
  ChecklistItemInput,
  CorrectiveActionFilter,
  CorrectiveActionSort,
  CreateCorrectiveActionInput,
  CreateSafetyAuditInput,
  FindingInput,
  SafetyAuditFilter,
  SafetyAuditSort,
  UpdateCorrectiveActionInput,
  UpdateSafetyAuditInput,
} from './safety-audit.inputs';
import { checklistTemplatePolicy, correctiveActionPolicy, safetyAuditFindingPolicy, safetyAuditPolicy } from './safety-audit.policy';
import {
  createSafetyAudit,
  deleteSafetyAudit,
  getSafetyAudit,
  listSafetyAudits,
  saveSafetyAuditFindings,
  submitSafetyAudit,
  updateSafetyAudit,
} from './safety-audit.service';

const SafetyAuditList = ListType(SafetyAudit, 'safety audits');
const CorrectiveActionList = ListType(CorrectiveAction, 'corrective actions');
const WRITERS = 'ADMIN, or an officer assigned to the school.';

@Resolver(() => ChecklistTemplate)
export class ChecklistTemplateResolver {
  @Authorized(...checklistTemplatePolicy.readers)
  @Query(() => [ChecklistTemplate], { description: 'Every checklist version, newest version of each name first. Every role.' })
  checklistTemplates(@Ctx() ctx: RequestContext) {
    return checklistTemplates(ctx);
  }

  @Authorized(...checklistTemplatePolicy.writers)
  @Mutation(() => ChecklistTemplate, {
    description: 'A new draft version of a checklist, a copy of the given version with the next number, to edit and publish. ADMIN only.',
  })
  createChecklistVersion(@Ctx() ctx: RequestContext, @Arg('fromId', () => ID, { description: 'The version to copy.' }) fromId: string) {
    return createChecklistVersion(ctx, parseId(fromId, 'fromId'));
  }

  @Authorized(...checklistTemplatePolicy.writers)
  @Mutation(() => ChecklistTemplate, {
    description: 'Publishes a draft version: from then on neither it nor its items change. ADMIN only.',
  })
  publishChecklistTemplate(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'The draft version.' }) id: string) {
    return publishChecklistTemplate(ctx, parseId(id));
  }

  @Authorized(...checklistTemplatePolicy.writers)
  @Mutation(() => ChecklistItem, { description: 'Adds or changes an item of a draft version; CONFLICT once published. ADMIN only.' })
  saveChecklistItem(
    @Ctx() ctx: RequestContext,
    @Arg('templateId', () => ID, { description: 'The draft version.' }) templateId: string,
    @Arg('input', () => ChecklistItemInput, { description: 'The item.' }) input: ChecklistItemInput,
  ) {
    return saveChecklistItem(ctx, parseId(templateId, 'templateId'), input);
  }

  @FieldResolver(() => [ChecklistItem], { description: 'Its items, in order.' })
  items(@Root() template: ChecklistTemplate, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return loadItems(ctx, template.id);
  }
}

@Resolver(() => SafetyAudit)
export class SafetyAuditResolver {
  @Authorized(...safetyAuditPolicy.readers)
  @Query(() => SafetyAuditList, {
    name: 'safetyAudits',
    description:
      'Safety audits matching the filter, one page at a time, with the total. ADMIN and ANALYST all; a chief those of schools its officers cover or audit; an officer those of its schools.',
  })
  list(
    @Ctx() ctx: RequestContext,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SafetyAuditFilter, { nullable: true, description: 'Which audits.' }) filter?: SafetyAuditFilter,
    @Arg('sort', () => SafetyAuditSort, { nullable: true, description: 'Order of the rows; ties are broken by id.' })
    sort?: SortArg<string>,
  ) {
    return listSafetyAudits(ctx, filter, sort ?? new SafetyAuditSort(), page);
  }

  @Authorized(...safetyAuditPolicy.readers)
  @Query(() => SafetyAudit, {
    name: 'safetyAudit',
    nullable: true,
    description: 'One safety audit, or null when it does not exist or is not visible to you.',
  })
  one(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Audit id.' }) id: string) {
    return getSafetyAudit(ctx, parseId(id));
  }

  @Authorized(...safetyAuditPolicy.writers)
  @Mutation(() => SafetyAudit, { description: `Starts a DRAFT audit. ${WRITERS}` })
  createSafetyAudit(
    @Ctx() ctx: RequestContext,
    @Arg('input', () => CreateSafetyAuditInput, { description: 'The new audit.' }) input: CreateSafetyAuditInput,
  ) {
    return createSafetyAudit(ctx, input);
  }

  @Authorized(...safetyAuditPolicy.writers)
  @Mutation(() => SafetyAudit, {
    description: `Changes a DRAFT audit; CONFLICT once submitted or when \`version\` is not the current one. ${WRITERS}`,
  })
  updateSafetyAudit(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Audit id.' }) id: string,
    @Arg('input', () => UpdateSafetyAuditInput, { description: 'The changes, with the version you last read.' })
    input: UpdateSafetyAuditInput,
  ) {
    return updateSafetyAudit(ctx, parseId(id), input);
  }

  @Authorized(...safetyAuditPolicy.writers)
  @Mutation(() => SafetyAudit, {
    description: `Saves results of a DRAFT audit as the team goes: each item's result is inserted or replaced. ${WRITERS}`,
  })
  saveSafetyAuditFindings(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Audit id.' }) id: string,
    @Arg('findings', () => [FindingInput], { description: 'Results of some items.' }) findings: FindingInput[],
  ) {
    return saveSafetyAuditFindings(ctx, parseId(id), findings);
  }

  @Authorized(...safetyAuditPolicy.writers)
  @Mutation(() => SafetyAudit, {
    description: `Submits a DRAFT audit with a result for every item: it becomes read-only, and each officer on the team gets a SAFETY_AUDIT activity. ${WRITERS}`,
  })
  submitSafetyAudit(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID, { description: 'Audit id.' }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read.' }) version: number,
  ) {
    return submitSafetyAudit(ctx, parseId(id), version);
  }

  @Authorized(...safetyAuditPolicy.writers)
  @Mutation(() => SafetyAudit, { description: `Deletes a DRAFT audit; a submitted one is kept (CONFLICT). ${WRITERS}` })
  deleteSafetyAudit(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Audit id.' }) id: string) {
    return deleteSafetyAudit(ctx, parseId(id));
  }

  @FieldResolver(() => ID, { description: 'The school audited.' })
  schoolId(@Root() audit: SafetyAudit) {
    return audit.school.id;
  }

  @FieldResolver(() => School, { nullable: true, description: 'The school audited (null where you may not read it).' })
  school(@Root() audit: SafetyAudit, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(School, audit.school.id);
  }

  @FieldResolver(() => ID, { description: 'The checklist version audited against.' })
  templateId(@Root() audit: SafetyAudit) {
    return audit.template.id;
  }

  @FieldResolver(() => [ID], { description: 'Officers on the team.' })
  officerIds(@Root() audit: SafetyAudit, @Ctx() ctx: RequestContext) {
    return loadTeam(ctx, audit.id);
  }

  @FieldResolver(() => [SafetyAuditFinding], { description: 'The results so far, in checklist order.' })
  findings(@Root() audit: SafetyAudit, @Ctx() ctx: RequestContext) {
    return loadFindings(ctx, audit.id);
  }
}

@Resolver(() => SafetyAuditFinding)
export class SafetyAuditFindingResolver {
  @FieldResolver(() => ID, { description: 'The checklist item.' })
  itemId(@Root() finding: SafetyAuditFinding) {
    return finding.item.id;
  }

  @FieldResolver(() => ID, { description: 'The audit.' })
  auditId(@Root() finding: SafetyAuditFinding) {
    return finding.audit.id;
  }

  @FieldResolver(() => ChecklistItem, { nullable: true, description: 'The checklist item.' })
  item(@Root() finding: SafetyAuditFinding, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(ChecklistItem, finding.item.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'A short note. Null for ANALYST: findings about unlocked doors are sensitive.',
  })
  note(@Root() finding: SafetyAuditFinding, @Ctx() ctx: RequestContext) {
    return safetyAuditFindingPolicy.shown(requireActor(ctx.actor), finding, 'note');
  }
}

export function safetyAuditReportResolver(settings: SafetyAuditReportSettings) {
  @Resolver()
  class SafetyAuditReportResolver {
    @Authorized(...safetyAuditPolicy.readers)
    @Query(() => SafetyAuditReport, {
      description:
        'The quarterly analysis of facility safety audits (CURRENT_QUARTER by default), with the period before and the change, scoped as the audits are. Never a finding note. CSV: /export/safety-audit-report.csv.',
    })
    safetyAuditReport(@Ctx() ctx: RequestContext, @Args(() => SafetyAuditReportArgs) args: SafetyAuditReportArgs) {
      return safetyAuditReport(ctx, args, settings);
    }

    @Authorized(...safetyAuditPolicy.readers)
    @Query(() => [SchoolDueForAudit], {
      description: `Active schools you can see with no submitted audit in the last ${settings.cycleMonths} months (AUDIT_CYCLE_MONTHS), never-audited first.`,
    })
    schoolsDueForAudit(@Ctx() ctx: RequestContext) {
      return schoolsDueForAudit(ctx, settings);
    }
  }
  return SafetyAuditReportResolver;
}

export function correctiveActionResolver(settings: SafetyAuditSettings) {
  @Resolver(() => CorrectiveAction)
  class CorrectiveActionResolver {
    @Authorized(...correctiveActionPolicy.readers)
    @Query(() => CorrectiveActionList, {
      name: 'correctiveActions',
      description: 'Corrective actions matching the filter, one page at a time, with the total; read as their audit is.',
    })
    list(
      @Ctx() ctx: RequestContext,
      @Args(() => PageArgs) page: PageArgs,
      @Arg('filter', () => CorrectiveActionFilter, { nullable: true, description: 'Which actions.' }) filter?: CorrectiveActionFilter,
      @Arg('sort', () => CorrectiveActionSort, { nullable: true, description: 'Order of the rows; ties are broken by id.' })
      sort?: SortArg<string>,
    ) {
      return listCorrectiveActions(ctx, filter, sort ?? new CorrectiveActionSort(), page);
    }

    @Authorized(...correctiveActionPolicy.readers)
    @Query(() => CorrectiveAction, {
      name: 'correctiveAction',
      nullable: true,
      description: 'One corrective action, or null when it does not exist or is not visible to you.',
    })
    one(@Ctx() ctx: RequestContext, @Arg('id', () => ID, { description: 'Action id.' }) id: string) {
      return getCorrectiveAction(ctx, parseId(id));
    }

    @Authorized(...correctiveActionPolicy.writers)
    @Mutation(() => CorrectiveAction, {
      description: `Raises a corrective action from a NEEDS_IMPROVEMENT or DEFICIENT finding; due by default ${settings.dueDays.CRITICAL}/${settings.dueDays.HIGH}/${settings.dueDays.MEDIUM}/${settings.dueDays.LOW} days after the audit for CRITICAL/HIGH/MEDIUM/LOW. ${WRITERS}`,
    })
    createCorrectiveAction(
      @Ctx() ctx: RequestContext,
      @Arg('input', () => CreateCorrectiveActionInput, { description: 'The new action.' }) input: CreateCorrectiveActionInput,
    ) {
      return createCorrectiveAction(ctx, input, settings);
    }

    @Authorized(...correctiveActionPolicy.writers)
    @Mutation(() => CorrectiveAction, { description: `Changes a corrective action (audited). ${WRITERS}` })
    updateCorrectiveAction(
      @Ctx() ctx: RequestContext,
      @Arg('id', () => ID, { description: 'Action id.' }) id: string,
      @Arg('input', () => UpdateCorrectiveActionInput, { description: 'The changes, with the version you last read.' })
      input: UpdateCorrectiveActionInput,
    ) {
      return updateCorrectiveAction(ctx, parseId(id), input);
    }

    @FieldResolver(() => ID, { description: 'The finding it answers.' })
    findingId(@Root() action: CorrectiveAction) {
      return action.finding.id;
    }

    @FieldResolver(() => SafetyAuditFinding, { nullable: true, description: 'The finding it answers.' })
    finding(@Root() action: CorrectiveAction, @Ctx() ctx: RequestContext) {
      requireActor(ctx.actor);
      return ctx.loaders.one(SafetyAuditFinding, action.finding.id);
    }

    @FieldResolver(() => Boolean, { description: 'Past its due day and not DONE.' })
    overdue(@Root() action: CorrectiveAction, @Ctx() ctx: RequestContext) {
      requireActor(ctx.actor);
      return loadOverdue(ctx, action.id);
    }
  }
  return CorrectiveActionResolver;
}

/** Every resolver of the module. */
export const safetyAuditResolvers = (settings: SafetyAuditReportSettings) =>
  [
    ChecklistTemplateResolver,
    SafetyAuditResolver,
    SafetyAuditFindingResolver,
    correctiveActionResolver(settings),
    safetyAuditReportResolver(settings),
  ] as const;
