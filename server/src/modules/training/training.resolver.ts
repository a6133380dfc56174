import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { requireActor } from '../../common/policy';
import { Officer } from '../officer/officer.entity';
import { TrainingCourse } from './training-course.entity';
import { TrainingRecord } from './training-record.entity';
import {
  BulkUpdateTrainingCourseInput,
  BulkUpdateTrainingRecordInput,
  CreateTrainingCourseInput,
  CreateTrainingRecordInput,
  TrainingCourseFilter,
  TrainingCourseSort,
  TrainingRecordFilter,
  TrainingRecordSort,
  UpdateTrainingCourseInput,
  UpdateTrainingRecordInput,
} from './training.inputs';
import { TrainingRequirement } from './training-requirement.entity';
import {
  BulkUpdateTrainingRequirementInput,
  CreateTrainingRequirementInput,
  TrainingRequirementFilter,
  TrainingRequirementSort,
  UpdateTrainingRequirementInput,
} from './training-requirement.inputs';
import { trainingRecordPolicy } from './training.policy';
import { trainingCourseService, trainingRecordService, trainingRequirementService } from './training.service';

@Resolver(() => TrainingCourse)
export class TrainingCourseResolver extends createCrudResolver({
  type: TrainingCourse,
  plural: 'trainingCourses',
  singular: 'trainingCourse',
  filter: TrainingCourseFilter,
  sort: TrainingCourseSort,
  create: CreateTrainingCourseInput,
  update: UpdateTrainingCourseInput,
  bulkUpdate: BulkUpdateTrainingCourseInput,
  service: trainingCourseService,
  writers: 'ADMIN only. Name and provider together are unique: a duplicate is a CONFLICT.',
}) {}

// Field resolvers check the actor themselves, without a class-level @Authorized() (see createCrudResolver).
@Resolver(() => TrainingRecord)
export class TrainingRecordResolver extends createCrudResolver({
  type: TrainingRecord,
  plural: 'trainingRecords',
  singular: 'trainingRecord',
  filter: TrainingRecordFilter,
  sort: TrainingRecordSort,
  create: CreateTrainingRecordInput,
  update: UpdateTrainingRecordInput,
  bulkUpdate: BulkUpdateTrainingRecordInput,
  service: trainingRecordService,
  writers: "ADMIN for any officer; AGENCY_CHIEF for its own agency's officers.",
}) {
  @FieldResolver(() => Officer, { description: 'The officer who completed the course.' })
  officer(@Root() record: TrainingRecord, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(Officer, record.officer.id);
  }

  @FieldResolver(() => TrainingCourse, { description: 'The course completed.' })
  course(@Root() record: TrainingRecord, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return ctx.loaders.one(TrainingCourse, record.course.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Certificate number. Null when none, or hidden from you: analysts never see it.',
  })
  certificateNumber(@Root() record: TrainingRecord, @Ctx() ctx: RequestContext) {
    const visibility = trainingRecordPolicy.visibility(requireActor(ctx.actor), 'certificateNumber');
    return visibility === true ? (record.certificateNumber ?? null) : null;
  }
}

@Resolver(() => TrainingRequirement)
export class TrainingRequirementResolver extends createCrudResolver({
  type: TrainingRequirement,
  plural: 'trainingRequirements',
  singular: 'trainingRequirement',
  filter: TrainingRequirementFilter,
  sort: TrainingRequirementSort,
  create: CreateTrainingRequirementInput,
  update: UpdateTrainingRequirementInput,
  bulkUpdate: BulkUpdateTrainingRequirementInput,
  service: trainingRequirementService,
  writers: 'ADMIN only. A rule given fields it does not take, or missing one it needs, is BAD_USER_INPUT naming the field.',
}) {
  @FieldResolver(() => TrainingCourse, { nullable: true, description: 'CERTIFICATE_CURRENT: the course whose completion must be held.' })
  course(@Root() requirement: TrainingRequirement, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return requirement.course ? ctx.loaders.one(TrainingCourse, requirement.course.id) : null;
  }
}
