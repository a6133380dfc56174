import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { requireActor } from '../../common/policy';
import { School } from '../school/school.entity';
import {
  BulkUpdateSchoolClosureInput,
  BulkUpdateSchoolYearInput,
  CreateSchoolClosureInput,
  CreateSchoolYearInput,
  SchoolClosureFilter,
  SchoolClosureSort,
  SchoolYearFilter,
  SchoolYearSort,
  UpdateSchoolClosureInput,
  UpdateSchoolYearInput,
} from './calendar.inputs';
import { schoolClosureService, schoolYearService } from './calendar.service';
import { SchoolClosure } from './school-closure.entity';
import { SchoolYear } from './school-year.entity';

@Resolver(() => SchoolYear)
export class SchoolYearResolver extends createCrudResolver({
  type: SchoolYear,
  plural: 'schoolYears',
  singular: 'schoolYear',
  filter: SchoolYearFilter,
  sort: SchoolYearSort,
  create: CreateSchoolYearInput,
  update: UpdateSchoolYearInput,
  bulkUpdate: BulkUpdateSchoolYearInput,
  service: schoolYearService,
  writers: 'ADMIN only. School years do not overlap: an overlap is a CONFLICT naming the other year.',
}) {}

// Field resolvers check the actor themselves, without a class-level @Authorized() (see createCrudResolver).
@Resolver(() => SchoolClosure)
export class SchoolClosureResolver extends createCrudResolver({
  type: SchoolClosure,
  plural: 'schoolClosures',
  singular: 'schoolClosure',
  filter: SchoolClosureFilter,
  sort: SchoolClosureSort,
  create: CreateSchoolClosureInput,
  update: UpdateSchoolClosureInput,
  bulkUpdate: BulkUpdateSchoolClosureInput,
  service: schoolClosureService,
  writers: 'ADMIN only.',
}) {
  @FieldResolver(() => Boolean, { description: 'True when every school of the district is closed; false for one school.' })
  districtWide(@Root() closure: SchoolClosure) {
    return !closure.school;
  }

  @FieldResolver(() => School, {
    nullable: true,
    description: 'The school closed; null when the closure is district-wide (or the school is not visible to you).',
  })
  school(@Root() closure: SchoolClosure, @Ctx() ctx: RequestContext) {
    requireActor(ctx.actor);
    return closure.school ? ctx.loaders.one(School, closure.school.id) : null;
  }
}
