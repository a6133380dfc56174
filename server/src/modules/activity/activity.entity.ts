import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Agency } from '../agency/agency.entity';
import { Officer } from '../officer/officer.entity';
import { School } from '../school/school.entity';

export enum ActivityCategory {
  CLASSROOM_INSTRUCTION = 'CLASSROOM_INSTRUCTION',
  MENTORING = 'MENTORING',
  CASS_PROGRAM = 'CASS_PROGRAM',
  SAFETY_AUDIT = 'SAFETY_AUDIT',
  TIP_FOLLOW_UP = 'TIP_FOLLOW_UP',
  EMERGENCY_DRILL = 'EMERGENCY_DRILL',
  THREAT_ASSESSMENT = 'THREAT_ASSESSMENT',
  STAFF_PARENT_MEETING = 'STAFF_PARENT_MEETING',
  LAW_ENFORCEMENT_RESPONSE = 'LAW_ENFORCEMENT_RESPONSE',
  EXTRACURRICULAR_EVENT = 'EXTRACURRICULAR_EVENT',
  VISIBILITY_PATROL = 'VISIBILITY_PATROL',
  TRAINING = 'TRAINING',
  OTHER = 'OTHER',
}

export enum InstructionTopic {
  DRUGS_ALCOHOL = 'DRUGS_ALCOHOL',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
  JUVENILE_LAW = 'JUVENILE_LAW',
  PERSONAL_SAFETY = 'PERSONAL_SAFETY',
  BULLYING = 'BULLYING',
  TRAFFIC_SAFETY = 'TRAFFIC_SAFETY',
  OTHER = 'OTHER',
}

registerEnumType(ActivityCategory, {
  name: 'ActivityCategory',
  description: 'What kind of work an activity was.',
  valuesConfig: {
    CLASSROOM_INSTRUCTION: { description: 'A classroom lesson; its topic says what about.' },
    MENTORING: { description: 'Mentoring students, one to one or in small groups.' },
    CASS_PROGRAM: { description: '"Caring About Student Success" (CASS) program session.' },
    SAFETY_AUDIT: { description: 'Facility safety audit.' },
    TIP_FOLLOW_UP: { description: 'Follow-up of an anonymous tip (Safe2Tell or similar).' },
    EMERGENCY_DRILL: { description: 'Lockdown, evacuation or other emergency drill.' },
    THREAT_ASSESSMENT: { description: 'Participation in a threat assessment team.' },
    STAFF_PARENT_MEETING: { description: 'Meeting with staff or parents.' },
    LAW_ENFORCEMENT_RESPONSE: { description: 'A law-enforcement response on campus.' },
    EXTRACURRICULAR_EVENT: { description: 'Presence at a game, dance or other event.' },
    VISIBILITY_PATROL: { description: 'Visible presence: arrival, dismissal, lunch, hallways.' },
    TRAINING: { description: "The officer's own training." },
    OTHER: { description: 'Anything else.' },
  },
});

registerEnumType(InstructionTopic, {
  name: 'InstructionTopic',
  description: 'Subject of a classroom lesson.',
  valuesConfig: {
    DRUGS_ALCOHOL: { description: 'Drugs and alcohol.' },
    SOCIAL_MEDIA: { description: 'Social media use and online safety.' },
    JUVENILE_LAW: { description: 'Juvenile law.' },
    PERSONAL_SAFETY: { description: 'Personal safety.' },
    BULLYING: { description: 'Bullying and harassment.' },
    TRAFFIC_SAFETY: { description: 'Traffic and driving safety.' },
    OTHER: { description: 'Another topic.' },
  },
});

/** One piece of work an officer logged. It never identifies a student: there is no field for one. */
@ObjectType({
  description: 'One piece of work an officer logged. No field identifies a student, and notes must not either.',
  simpleResolvers: true,
})
@Entity()
@Check({ name: 'activity_duration_range', expression: 'duration_minutes >= 1 and duration_minutes <= 1440' })
@Check({ name: 'activity_students_not_negative', expression: 'students_reached >= 0' })
@Check({ name: 'activity_staff_not_negative', expression: 'staff_reached >= 0' })
@Check({ name: 'activity_notes_length', expression: 'char_length(notes) <= 500' })
@Check({ name: 'activity_topic_for_instruction', expression: "topic is null or category = 'CLASSROOM_INSTRUCTION'" })
// Set by the database on every insert and change of officer or date (migration officer_agency_history).
@Check({ name: 'activity_agency_set', expression: 'agency_id is not null' })
@Index({ name: 'activity_officer_date_index', properties: ['officer', 'date'] })
@Index({ name: 'activity_school_date_index', properties: ['school', 'date'] })
@Index({ name: 'activity_category_date_index', properties: ['category', 'date'] })
export class Activity extends BaseEntity<'studentsReached' | 'staffReached'> {
  @ManyToOne(() => Officer, { ref: true, deleteRule: 'restrict', index: false })
  officer!: Ref<Officer>;

  /**
   * The agency the officer served on the activity's date, set by PostgreSQL (never by the API) from the officer's
   * agency periods, so that moving an officer later leaves this activity's credit where it was. Exposed by
   * ActivityResolver#agency. Nullable only for the ORM, which never writes it: `activity_agency_set` holds it.
   */
  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict', index: 'activity_agency_index' })
  agency?: Ref<Agency> | null;

  @ManyToOne(() => School, { ref: true, nullable: true, deleteRule: 'restrict', index: false })
  school?: Ref<School> | null;

  @Field(() => DateScalar, { description: 'Day the activity took place.' })
  @Property({ type: 'date' })
  @Index({ name: 'activity_date_index' })
  date!: string;

  @Field(() => ActivityCategory, { description: 'What kind of work it was.' })
  @Enum({ items: () => ActivityCategory })
  category!: ActivityCategory;

  @Field(() => InstructionTopic, { nullable: true, description: 'Subject of a classroom lesson; only for CLASSROOM_INSTRUCTION.' })
  @Enum({ items: () => InstructionTopic, nullable: true })
  topic?: InstructionTopic | null;

  @Field(() => Int, { description: 'Duration in minutes, 1 to 1440.' })
  @Property()
  durationMinutes!: number;

  @Field(() => Int, { description: 'Number of students reached (a count, never names).' })
  @Property({ default: 0 })
  studentsReached: number = 0;

  @Field(() => Int, { description: 'Number of staff members reached.' })
  @Property({ default: 0 })
  staffReached: number = 0;

  @Field(() => String, { nullable: true, description: 'Notes, at most 500 characters. Never name or identify a student.' })
  @Property({ type: 'string', length: 500, nullable: true })
  notes?: string | null;
}
