import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { School } from '../school/school.entity';
import { TipOfficer } from './tip-officer.entity';

/** The longest free text any tip field takes: room for a reference or a short note, never a narrative. */
export const TIP_TEXT_MAX = 200;

export enum TipSource {
  SAFE2TELL = 'SAFE2TELL',
  P3 = 'P3',
  STOPIT = 'STOPIT',
  SAY_SOMETHING = 'SAY_SOMETHING',
  PHONE = 'PHONE',
  IN_PERSON = 'IN_PERSON',
  OTHER = 'OTHER',
}

export enum TipCategory {
  BULLYING = 'BULLYING',
  CYBERBULLYING = 'CYBERBULLYING',
  SUICIDE_THREAT = 'SUICIDE_THREAT',
  SELF_HARM = 'SELF_HARM',
  DRUGS = 'DRUGS',
  ALCOHOL = 'ALCOHOL',
  WEAPONS = 'WEAPONS',
  PLANNED_SCHOOL_ATTACK = 'PLANNED_SCHOOL_ATTACK',
  THREATS = 'THREATS',
  FIGHTING = 'FIGHTING',
  CHILD_ABUSE = 'CHILD_ABUSE',
  DATING_VIOLENCE = 'DATING_VIOLENCE',
  SEXTING = 'SEXTING',
  HARASSMENT = 'HARASSMENT',
  VANDALISM = 'VANDALISM',
  OTHER = 'OTHER',
}

export enum TipStatus {
  RECEIVED = 'RECEIVED',
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}

export enum TipDisposition {
  RESOLVED = 'RESOLVED',
  REFERRED_TO_SCHOOL = 'REFERRED_TO_SCHOOL',
  REFERRED_TO_SERVICES = 'REFERRED_TO_SERVICES',
  LAW_ENFORCEMENT_ACTION = 'LAW_ENFORCEMENT_ACTION',
  UNFOUNDED = 'UNFOUNDED',
  PRANK = 'PRANK',
  DUPLICATE = 'DUPLICATE',
  INFORMATION_ONLY = 'INFORMATION_ONLY',
}

const describe = <T extends string>(values: Record<T, string>) =>
  Object.fromEntries(Object.entries(values).map(([key, description]) => [key, { description }])) as Record<T, { description: string }>;

registerEnumType(TipSource, {
  name: 'TipSource',
  description: 'Where a tip came from.',
  valuesConfig: describe({
    SAFE2TELL: 'Safe2Tell (Colorado, Wyoming).',
    P3: 'P3 Campus.',
    STOPIT: 'STOPit.',
    SAY_SOMETHING: 'Say Something (Sandy Hook Promise).',
    PHONE: 'A telephone call.',
    IN_PERSON: 'Told in person.',
    OTHER: 'Another source.',
  }),
});

registerEnumType(TipCategory, {
  name: 'TipCategory',
  description: "Kind of tip, as Safe2Tell's categories.",
  valuesConfig: describe({
    BULLYING: 'Bullying.',
    CYBERBULLYING: 'Cyberbullying.',
    SUICIDE_THREAT: 'Suicide threat.',
    SELF_HARM: 'Self-harm.',
    DRUGS: 'Drugs.',
    ALCOHOL: 'Alcohol.',
    WEAPONS: 'Weapons.',
    PLANNED_SCHOOL_ATTACK: 'Planned school attack.',
    THREATS: 'Threats.',
    FIGHTING: 'Fighting.',
    CHILD_ABUSE: 'Child abuse.',
    DATING_VIOLENCE: 'Dating violence.',
    SEXTING: 'Sexting.',
    HARASSMENT: 'Harassment.',
    VANDALISM: 'Vandalism.',
    OTHER: 'Anything else.',
  }),
});

registerEnumType(TipStatus, {
  name: 'TipStatus',
  description: 'Where a tip stands: RECEIVED -> ASSIGNED -> IN_PROGRESS -> CLOSED, forward only.',
  valuesConfig: describe({
    RECEIVED: 'Entered, no officer assigned yet.',
    ASSIGNED: 'Officers assigned, no follow-up step yet.',
    IN_PROGRESS: 'At least one follow-up step logged.',
    CLOSED: 'Closed with a disposition.',
  }),
});

registerEnumType(TipDisposition, {
  name: 'TipDisposition',
  description: 'How a closed tip ended.',
  valuesConfig: describe({
    RESOLVED: 'Resolved.',
    REFERRED_TO_SCHOOL: 'Referred to the school.',
    REFERRED_TO_SERVICES: 'Referred to services (counselling, social services).',
    LAW_ENFORCEMENT_ACTION: 'Law-enforcement action taken.',
    UNFOUNDED: 'Unfounded.',
    PRANK: 'A prank.',
    DUPLICATE: 'A duplicate of another tip.',
    INFORMATION_ONLY: 'Information only, nothing to act on.',
  }),
});

/**
 * A tip handed to the program by a tip line, tracked to closure. It holds no tip content and no person: the tip
 * line keeps those; here are only the reference, kind, school and the follow-up's times.
 */
@ObjectType({
  description: "A tip-line report handed to the program, tracked to closure. Holds neither the tip's content nor anyone's name.",
  simpleResolvers: true,
})
@Entity()
@Unique({ name: 'tip_reference_unique', properties: ['source', 'referenceNumber'] })
@Check({ name: 'tip_reference_not_blank', expression: "btrim(reference_number) <> ''" })
@Check({ name: 'tip_reference_length', expression: `char_length(reference_number) <= ${TIP_TEXT_MAX}` })
@Check({ name: 'tip_closed_has_disposition', expression: "(status = 'CLOSED') = (disposition is not null)" })
@Check({ name: 'tip_closed_has_closed_at', expression: "(status = 'CLOSED') = (closed_at is not null)" })
@Check({ name: 'tip_first_action_after_received', expression: 'first_action_at is null or first_action_at >= received_at' })
@Check({ name: 'tip_closed_after_received', expression: 'closed_at is null or closed_at >= received_at' })
@Index({ name: 'tip_received_at_index', properties: ['receivedAt'] })
@Index({ name: 'tip_school_index', properties: ['school'] })
export class Tip extends BaseEntity<'status' | 'lifeSafety'> {
  @Field({ description: "The tip line's reference number, unique per source (at most 200 characters)." })
  @Property({ type: 'string', length: TIP_TEXT_MAX })
  referenceNumber!: string;

  @Field(() => TipSource, { description: 'Where the tip came from.' })
  @Enum({ items: () => TipSource })
  source!: TipSource;

  @Field({ description: 'When the tip line received the tip.' })
  @Property({ type: 'timestamptz' })
  receivedAt!: Date;

  @Field(() => TipCategory, { description: 'Kind of tip.' })
  @Enum({ items: () => TipCategory })
  category!: TipCategory;

  @ManyToOne(() => School, { ref: true, nullable: true, deleteRule: 'restrict', index: false })
  school?: Ref<School> | null;

  @Field({ description: 'A threat to life (suicide, weapons, planned attack...): first action due within minutes.' })
  @Property({ default: false })
  lifeSafety: boolean = false;

  @Field(() => TipStatus, { description: 'Where the tip stands.' })
  @Enum({ items: () => TipStatus, default: TipStatus.RECEIVED })
  status: TipStatus = TipStatus.RECEIVED;

  @Field(() => Date, { nullable: true, description: 'When the first follow-up step was taken; null until then.' })
  @Property({ type: 'timestamptz', nullable: true })
  firstActionAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the tip was closed; null while open.' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  @Field(() => TipDisposition, { nullable: true, description: 'How it ended; set exactly when CLOSED.' })
  @Enum({ items: () => TipDisposition, nullable: true })
  disposition?: TipDisposition | null;

  /** The officers assigned to it. */
  @OneToMany(() => TipOfficer, (assignee) => assignee.tip)
  assignees = new Collection<TipOfficer>(this);
}
