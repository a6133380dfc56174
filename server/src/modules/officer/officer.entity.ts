import { Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Activity } from '../activity/activity.entity';
import { Assignment } from '../assignment/assignment.entity';
import { Agency } from '../agency/agency.entity';

export enum OfficerRank {
  OFFICER = 'OFFICER',
  DEPUTY = 'DEPUTY',
  TROOPER = 'TROOPER',
  CORPORAL = 'CORPORAL',
  SERGEANT = 'SERGEANT',
  LIEUTENANT = 'LIEUTENANT',
  CAPTAIN = 'CAPTAIN',
  CHIEF = 'CHIEF',
  OTHER = 'OTHER',
}

export enum OfficerStatus {
  ACTIVE = 'ACTIVE',
  ON_LEAVE = 'ON_LEAVE',
  INACTIVE = 'INACTIVE',
}

registerEnumType(OfficerRank, {
  name: 'OfficerRank',
  description: "An officer's rank in its agency.",
  valuesConfig: {
    OFFICER: { description: 'Police officer.' },
    DEPUTY: { description: "Sheriff's deputy." },
    TROOPER: { description: 'State trooper.' },
    CORPORAL: { description: 'Corporal.' },
    SERGEANT: { description: 'Sergeant, often the SRO unit supervisor.' },
    LIEUTENANT: { description: 'Lieutenant.' },
    CAPTAIN: { description: 'Captain.' },
    CHIEF: { description: 'Chief or sheriff.' },
    OTHER: { description: 'Any other rank.' },
  },
});

registerEnumType(OfficerStatus, {
  name: 'OfficerStatus',
  description: 'Whether the officer is available to the program. Only ACTIVE officers get new assignments.',
  valuesConfig: {
    ACTIVE: { description: 'Serving as an SRO.' },
    ON_LEAVE: {
      description: 'Temporarily away (leave, training, light duty). Coverage and the rules do not read it.',
      deprecationReason: 'Record an OfficerAbsence (createOfficerAbsence, reason LEAVE) instead: absences say who is away on which date.',
    },
    INACTIVE: { description: 'No longer in the program.' },
  },
});

/**
 * A School Resource Officer, employed by one agency. Badge, status, dates, notes and contact fields are
 * exposed by OfficerResolver, which hides them from callers who may not see them.
 */
@ObjectType({ description: 'A School Resource Officer, employed by one agency.', simpleResolvers: true })
@Entity()
@Unique({ name: 'officer_badge_unique', properties: ['agency', 'badgeNumber'] })
@Index({ name: 'officer_name_index', properties: ['lastName', 'firstName'] })
@Check({ name: 'officer_name_not_blank', expression: "btrim(first_name) <> '' and btrim(last_name) <> ''" })
export class Officer extends BaseEntity<'status'> {
  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict', updateRule: 'cascade', index: 'officer_agency_index' })
  agency!: Ref<Agency>;

  @Field({ description: 'Given name.' })
  @Property({ length: 100 })
  firstName!: string;

  @Field({ description: 'Family name.' })
  @Property({ length: 100 })
  lastName!: string;

  @Property({ length: 40 })
  badgeNumber!: string;

  @Field(() => OfficerRank, { description: 'Rank in the agency.' })
  @Enum({ items: () => OfficerRank })
  rank!: OfficerRank;

  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;

  @Enum({ items: () => OfficerStatus, default: OfficerStatus.ACTIVE })
  @Index({ name: 'officer_status_index' })
  status: OfficerStatus = OfficerStatus.ACTIVE;

  @Property({ type: 'date', nullable: true })
  sroSince?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The officer's last day in the program (endOfficerService): inactive after it; its assignments end on or before it.",
  })
  @Property({ type: 'date', nullable: true })
  leftProgramOn?: string | null;

  @Property({ type: 'date', nullable: true })
  sroTrainingCompletedOn?: string | null;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @OneToMany(() => Assignment, (assignment) => assignment.officer)
  assignments = new Collection<Assignment>(this);

  @OneToMany(() => Activity, (activity) => activity.officer)
  activities = new Collection<Activity>(this);
}
