import { ref, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { CrudService, assignDefined, reference } from '../../common/crud';
import { addMonths } from '../../common/dates';
import { badInput } from '../../common/errors';
import { parseId, parseIds } from '../../common/validation';
import { Officer } from '../officer/officer.entity';
import { officerPolicy } from '../officer/officer.policy';
import { TrainingCourse } from './training-course.entity';
import { TrainingRecord } from './training-record.entity';
import { TrainingRequirement, RequirementAppliesTo, RequirementRule } from './training-requirement.entity';
import {
  trainingRequirementSortColumns,
  type BulkUpdateTrainingRequirementInput,
  type CreateTrainingRequirementInput,
  type TrainingRequirementFilter,
  type UpdateTrainingRequirementInput,
} from './training-requirement.inputs';
import { trainingCoursePolicy, trainingRecordPolicy, trainingRequirementPolicy } from './training.policy';
import {
  trainingCourseSortColumns,
  trainingRecordSortColumns,
  type BulkUpdateTrainingCourseInput,
  type BulkUpdateTrainingRecordInput,
  type CreateTrainingCourseInput,
  type CreateTrainingRecordInput,
  type TrainingCourseFilter,
  type TrainingRecordFilter,
  type UpdateTrainingCourseInput,
  type UpdateTrainingRecordInput,
} from './training.inputs';

export const trainingCourseService = new CrudService<
  TrainingCourse,
  TrainingCourseFilter,
  CreateTrainingCourseInput,
  UpdateTrainingCourseInput,
  BulkUpdateTrainingCourseInput
>({
  entity: TrainingCourse,
  policy: trainingCoursePolicy,
  sortColumns: trainingCourseSortColumns,
  where(filter) {
    const where: FilterQuery<TrainingCourse>[] = [];
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.q) where.push({ $or: [{ name: { $ilike: `%${filter.q}%` } }, { provider: { $ilike: `%${filter.q}%` } }] });
    return { $and: where };
  },
  async build(em, _ctx, input) {
    return em.create(TrainingCourse, { ...input, provider: input.provider ?? '' });
  },
  async apply(_em, _ctx, course, input) {
    assignDefined(course, input);
  },
  async check(_em, _ctx, course) {
    if (!course.name.trim()) throw badInput('The name cannot be blank', { name: ['Give a name'] });
  },
});

/** The default last valid day of a completion: the course's validity after the day completed, or never. */
export const defaultExpiry = (course: TrainingCourse, completedOn: string) =>
  course.validityMonths ? addMonths(completedOn, course.validityMonths) : null;

const courseOf = (em: EntityManager, ctx: RequestContext, id: string) =>
  reference(em, ctx, TrainingCourse, trainingCoursePolicy, id, 'courseId');

export const trainingRecordService = new CrudService<
  TrainingRecord,
  TrainingRecordFilter,
  CreateTrainingRecordInput,
  UpdateTrainingRecordInput,
  BulkUpdateTrainingRecordInput
>({
  entity: TrainingRecord,
  policy: trainingRecordPolicy,
  sortColumns: trainingRecordSortColumns,
  populate: ['officer', 'course'],
  where(filter) {
    const where: FilterQuery<TrainingRecord>[] = [];
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.officerId) where.push({ officer: parseId(filter.officerId, 'filter.officerId') });
    if (filter?.agencyId) where.push({ officer: { agency: parseId(filter.agencyId, 'filter.agencyId') } });
    if (filter?.courseId) where.push({ course: parseId(filter.courseId, 'filter.courseId') });
    if (filter?.kind) where.push({ course: { kind: filter.kind } });
    if (filter?.validOn) {
      where.push({ completedOn: { $lte: filter.validOn }, $or: [{ expiresOn: null }, { expiresOn: { $gte: filter.validOn } }] });
    }
    return { $and: where };
  },
  async build(em, ctx, { officerId, courseId, hoursCredited, expiresOn, ...values }) {
    const officer = await reference(em, ctx, Officer, officerPolicy, officerId, 'officerId');
    const course = await courseOf(em, ctx, courseId);
    return em.create(TrainingRecord, {
      ...values,
      officer,
      course,
      hoursCredited: hoursCredited ?? course.hours,
      expiresOn: expiresOn === undefined ? defaultExpiry(course, values.completedOn) : expiresOn,
    });
  },
  async apply(em, ctx, record, { courseId, ...values }: Partial<UpdateTrainingRecordInput>) {
    if (courseId !== undefined) record.course = ref(await courseOf(em, ctx, courseId));
    assignDefined(record, values);
  },
  async check(_em, _ctx, record) {
    if (record.expiresOn && record.expiresOn < record.completedOn) {
      throw badInput('The expiry cannot be before the day completed', { expiresOn: ['expiresOn must be on or after completedOn'] });
    }
  },
});

/** The fields each rule takes, for a clear BAD_USER_INPUT before PostgreSQL's training_requirement_rule_fields. */
const RULE_FIELDS: Record<RequirementRule, ('courseKind' | 'withinMonths' | 'hours' | 'course')[]> = {
  [RequirementRule.COURSE_BEFORE_OR_WITHIN]: ['courseKind', 'withinMonths'],
  [RequirementRule.IN_SERVICE_HOURS_PER_PROGRAM_YEAR]: ['hours'],
  [RequirementRule.CERTIFICATE_CURRENT]: ['course'],
};
const RULE_INPUT_FIELD: Record<string, string> = { course: 'courseId' };

function checkRequirement(requirement: TrainingRequirement) {
  if (!requirement.name.trim()) throw badInput('The name cannot be blank', { name: ['Give a name'] });
  const errors: Record<string, string[]> = {};
  for (const [rule, fields] of Object.entries(RULE_FIELDS)) {
    for (const field of fields) {
      const given = requirement[field] != null;
      const input = RULE_INPUT_FIELD[field] ?? field;
      if (rule === requirement.rule && !given) errors[input] = [`${requirement.rule} needs ${input}`];
      if (rule !== requirement.rule && given) errors[input] = [`${requirement.rule} takes no ${input}: leave it out or null`];
    }
  }
  const ranked = requirement.appliesTo === RequirementAppliesTo.RANKS;
  if (ranked && requirement.ranks.length === 0) errors.ranks = ['RANKS needs at least one rank'];
  if (!ranked && requirement.ranks.length > 0) errors.ranks = [`${requirement.appliesTo} takes no ranks`];
  if (Object.keys(errors).length) throw badInput('The requirement does not fit its rule', errors);
}

const requirementCourse = async (em: EntityManager, ctx: RequestContext, id: string | null | undefined) =>
  id == null ? null : ref(await courseOf(em, ctx, id));

export const trainingRequirementService = new CrudService<
  TrainingRequirement,
  TrainingRequirementFilter,
  CreateTrainingRequirementInput,
  UpdateTrainingRequirementInput,
  BulkUpdateTrainingRequirementInput
>({
  entity: TrainingRequirement,
  policy: trainingRequirementPolicy,
  sortColumns: trainingRequirementSortColumns,
  where(filter) {
    const where: FilterQuery<TrainingRequirement>[] = [];
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.active != null) where.push({ active: filter.active });
    if (filter?.q) where.push({ name: { $ilike: `%${filter.q}%` } });
    return { $and: where };
  },
  async build(em, ctx, { courseId, ranks, ...values }) {
    const course = await requirementCourse(em, ctx, courseId);
    return em.create(TrainingRequirement, { ...values, ranks: ranks ?? [], course, active: values.active ?? true });
  },
  async apply(em, ctx, requirement, { courseId, ...values }: Partial<UpdateTrainingRequirementInput>) {
    if (courseId !== undefined) requirement.course = await requirementCourse(em, ctx, courseId);
    assignDefined(requirement, values);
  },
  async check(_em, _ctx, requirement) {
    checkRequirement(requirement);
  },
});
