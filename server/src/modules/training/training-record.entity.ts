import { Check, DecimalType, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Officer } from '../officer/officer.entity';
import { TrainingCourse } from './training-course.entity';

/**
 * One course an officer completed. `expiresOn` defaults from the course's validity (completedOn + validityMonths)
 * and may be changed; the rules (hours >= 0, expiry not before completion) hold in PostgreSQL too.
 */
@ObjectType({ description: 'A course an officer completed: when, the hours credited, and when it expires.', simpleResolvers: true })
@Entity()
@Check({ name: 'training_record_hours_not_negative', expression: 'hours_credited >= 0' })
@Check({ name: 'training_record_expires_after_completed', expression: 'expires_on is null or expires_on >= completed_on' })
@Index({ name: 'training_record_officer_completed_index', properties: ['officer', 'completedOn'] })
export class TrainingRecord extends BaseEntity {
  @ManyToOne(() => Officer, { ref: true, deleteRule: 'restrict', index: 'training_record_officer_index' })
  officer!: Ref<Officer>;

  @ManyToOne(() => TrainingCourse, { ref: true, deleteRule: 'restrict', index: 'training_record_course_index' })
  course!: Ref<TrainingCourse>;

  @Field(() => DateScalar, { description: 'Day the course was completed.' })
  @Property({ type: 'date' })
  completedOn!: string;

  @Field(() => Float, { description: 'Hours credited, in hundredths (by default the course hours).' })
  @Property({ type: new DecimalType('number'), precision: 6, scale: 2 })
  hoursCredited!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the completion is valid; null when it never expires.' })
  @Property({ type: 'date', nullable: true })
  expiresOn?: string | null;

  // Exposed by TrainingRecordResolver#certificateNumber: hidden from some actors (training.policy.ts).
  @Property({ length: 100, nullable: true })
  certificateNumber?: string | null;
}
