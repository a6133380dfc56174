import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
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
  description: "Whether the officer is available to the program. Only ACTIVE officers get new assignments.",
  valuesConfig: {
    ACTIVE: { description: 'Serving as an SRO.' },
    ON_LEAVE: { description: 'Temporarily away (leave, training, light duty).' },
    INACTIVE: { description: 'No longer in the program.' },
  },
});

/** A School Resource Officer, employed by one agency. */
@ObjectType({ description: 'A School Resource Officer, employed by one agency.' })
@Entity()
@Unique({ name: 'officer_badge_unique', properties: ['agency', 'badgeNumber'] })
@Index({ name: 'officer_name_index', properties: ['lastName', 'firstName'] })
@Check({ name: 'officer_name_not_blank', expression: "btrim(first_name) <> '' and btrim(last_name) <> ''" })
export class Officer extends BaseEntity {
  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict', updateRule: 'cascade', index: 'officer_agency_index' })
  agency!: Ref<Agency>;

  @Field({ description: 'Given name.' })
  @Property({ length: 100 })
  firstName!: string;

  @Field({ description: 'Family name.' })
  @Property({ length: 100 })
  lastName!: string;

  @Field({ description: 'Badge number, unique within the agency.' })
  @Property({ length: 40 })
  badgeNumber!: string;

  @Field(() => OfficerRank, { description: 'Rank in the agency.' })
  @Enum({ items: () => OfficerRank })
  rank!: OfficerRank;

  @Field(() => String, { nullable: true, description: 'Work e-mail. Personal contact: visible only to administrators and to its own agency.' })
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Work phone. Personal contact: visible only to administrators and to its own agency.' })
  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;

  @Field(() => OfficerStatus, { description: 'Availability to the program.' })
  @Enum({ items: () => OfficerStatus, default: OfficerStatus.ACTIVE })
  @Index({ name: 'officer_status_index' })
  status: OfficerStatus = OfficerStatus.ACTIVE;

  @Field(() => DateScalar, { nullable: true, description: 'Date the officer started as an SRO.' })
  @Property({ type: 'date', nullable: true })
  sroSince?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the officer completed SRO basic training; null while not yet completed.' })
  @Property({ type: 'date', nullable: true })
  sroTrainingCompletedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Free-text notes about the officer.' })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;
}
