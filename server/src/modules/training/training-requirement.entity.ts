import { ArrayType, Check, DecimalType, Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { OfficerRank } from '../officer/officer.entity';
import { CourseKind, TrainingCourse } from './training-course.entity';

export enum RequirementAppliesTo {
  EVERY_SRO = 'EVERY_SRO',
  PRIMARY_ONLY = 'PRIMARY_ONLY',
  RANKS = 'RANKS',
}

registerEnumType(RequirementAppliesTo, {
  name: 'RequirementAppliesTo',
  description: 'Which officers a training requirement applies to: those assigned to a school on the date, and of them...',
  valuesConfig: {
    EVERY_SRO: { description: 'Every officer assigned to a school.' },
    PRIMARY_ONLY: { description: 'Officers with a PRIMARY assignment.' },
    RANKS: { description: 'Assigned officers of the ranks listed in `ranks`.' },
  },
});

export enum RequirementRule {
  COURSE_BEFORE_OR_WITHIN = 'COURSE_BEFORE_OR_WITHIN',
  IN_SERVICE_HOURS_PER_PROGRAM_YEAR = 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR',
  CERTIFICATE_CURRENT = 'CERTIFICATE_CURRENT',
}

registerEnumType(RequirementRule, {
  name: 'RequirementRule',
  description: 'What a training requirement asks.',
  valuesConfig: {
    COURSE_BEFORE_OR_WITHIN: {
      description: 'A course of `courseKind` completed before the first school assignment or within `withinMonths` months of it.',
    },
    IN_SERVICE_HOURS_PER_PROGRAM_YEAR: {
      description: 'At least `hours` hours of IN_SERVICE courses completed in each program year (July 1 to June 30).',
    },
    CERTIFICATE_CURRENT: { description: 'A completion of `course` held and not expired.' },
  },
});

/**
 * A training requirement of the district, as data: who it applies to and its rule. The fields each rule needs, and
 * only those, are set: a check constraint in PostgreSQL (migration training_requirement) holds it.
 */
@ObjectType({ description: 'A training requirement of the district: who it applies to and what it asks.', simpleResolvers: true })
@Entity()
@Unique({ name: 'training_requirement_name_unique', properties: ['name'] })
@Check({ name: 'training_requirement_name_not_blank', expression: "btrim(name) <> ''" })
@Check({
  name: 'training_requirement_rule_fields',
  expression:
    "(rule = 'COURSE_BEFORE_OR_WITHIN' and course_kind is not null and within_months is not null and hours is null and course_id is null) or (rule = 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR' and hours is not null and course_kind is null and within_months is null and course_id is null) or (rule = 'CERTIFICATE_CURRENT' and course_id is not null and course_kind is null and within_months is null and hours is null)",
})
@Check({ name: 'training_requirement_ranks_for_ranks', expression: "(applies_to = 'RANKS') = (cardinality(ranks) > 0)" })
@Check({ name: 'training_requirement_within_months_range', expression: 'within_months is null or within_months >= 0' })
@Check({ name: 'training_requirement_hours_positive', expression: 'hours is null or hours > 0' })
export class TrainingRequirement extends BaseEntity {
  @Field({ description: 'Name, such as "Basic SRO course within 12 months".' })
  @Property({ length: 200 })
  name!: string;

  @Field(() => RequirementAppliesTo, { description: 'Which assigned officers it applies to.' })
  @Enum({ items: () => RequirementAppliesTo })
  appliesTo!: RequirementAppliesTo;

  @Field(() => [OfficerRank], { description: 'The ranks it applies to when `appliesTo` is RANKS; empty otherwise.' })
  @Property({ type: ArrayType, default: '{}' })
  ranks: OfficerRank[] = [];

  @Field(() => RequirementRule, { description: 'What it asks.' })
  @Enum({ items: () => RequirementRule })
  rule!: RequirementRule;

  @Field(() => CourseKind, { nullable: true, description: 'COURSE_BEFORE_OR_WITHIN: the kind of course.' })
  @Enum({ items: () => CourseKind, nullable: true })
  courseKind?: CourseKind | null;

  @Field(() => Int, { nullable: true, description: 'COURSE_BEFORE_OR_WITHIN: months after the first assignment the course may wait.' })
  @Property({ type: 'integer', nullable: true })
  withinMonths?: number | null;

  @Field(() => Float, { nullable: true, description: 'IN_SERVICE_HOURS_PER_PROGRAM_YEAR: the hours needed each program year.' })
  @Property({ type: new DecimalType('number'), precision: 6, scale: 2, nullable: true })
  hours?: number | null;

  // Exposed by TrainingRequirementResolver#course.
  @ManyToOne(() => TrainingCourse, { ref: true, nullable: true, deleteRule: 'restrict', index: 'training_requirement_course_index' })
  course?: Ref<TrainingCourse> | null;

  @Field({ description: 'Whether it counts; an inactive requirement stays for the record but is not reported.' })
  @Property({ default: true })
  active: boolean = true;
}
