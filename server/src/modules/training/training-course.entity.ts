import { Check, DecimalType, Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';

export enum CourseKind {
  SRO_BASIC = 'SRO_BASIC',
  SRO_ADVANCED = 'SRO_ADVANCED',
  SRO_SUPERVISOR = 'SRO_SUPERVISOR',
  IN_SERVICE = 'IN_SERVICE',
  CERTIFICATE = 'CERTIFICATE',
  OTHER = 'OTHER',
}

registerEnumType(CourseKind, {
  name: 'CourseKind',
  description: 'What a training course counts for.',
  valuesConfig: {
    SRO_BASIC: { description: 'A basic SRO course, such as NASRO basic (40 hours).' },
    SRO_ADVANCED: { description: 'An advanced SRO course.' },
    SRO_SUPERVISOR: { description: 'A course for SRO supervisors.' },
    IN_SERVICE: { description: 'In-service training; its hours count towards the yearly in-service hours.' },
    CERTIFICATE: { description: 'A certificate that may expire, such as CPR or first aid.' },
    OTHER: { description: 'Any other course, such as mental-health first aid or threat assessment.' },
  },
});

/** A course of the district's catalogue, named once and referred to by training records. */
@ObjectType({ description: 'A training course of the catalogue: what an officer completes.', simpleResolvers: true })
@Entity()
@Unique({ name: 'training_course_name_provider_unique', properties: ['name', 'provider'] })
@Check({ name: 'training_course_name_not_blank', expression: "btrim(name) <> ''" })
@Check({ name: 'training_course_hours_positive', expression: 'hours > 0' })
@Check({ name: 'training_course_validity_positive', expression: 'validity_months is null or validity_months > 0' })
export class TrainingCourse extends BaseEntity {
  @Field({ description: 'Name, such as "NASRO Basic SRO Course".' })
  @Property({ length: 200 })
  name!: string;

  @Field({ description: 'Who gives the course, such as "NASRO" or "State POST"; empty when not known.' })
  @Property({ length: 200, default: '' })
  provider: string = '';

  @Field(() => Float, { description: 'Hours of the course, in hundredths.' })
  @Property({ type: new DecimalType('number'), precision: 6, scale: 2 })
  hours!: number;

  @Field(() => CourseKind, { description: 'What the course counts for.' })
  @Enum({ items: () => CourseKind })
  kind!: CourseKind;

  @Field(() => Int, { nullable: true, description: 'Months a completion stays valid; null when it never expires.' })
  @Property({ type: 'integer', nullable: true })
  validityMonths?: number | null;
}
