import { Check, Collection, Entity, Enum, Index, OneToMany, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Officer } from '../officer/officer.entity';

export enum AgencyKind {
  MUNICIPAL_POLICE = 'MUNICIPAL_POLICE',
  COUNTY_SHERIFF = 'COUNTY_SHERIFF',
  STATE_PATROL = 'STATE_PATROL',
  SCHOOL_DISTRICT_POLICE = 'SCHOOL_DISTRICT_POLICE',
  TRIBAL_POLICE = 'TRIBAL_POLICE',
  OTHER = 'OTHER',
}

registerEnumType(AgencyKind, {
  name: 'AgencyKind',
  description: 'What kind of law-enforcement agency it is.',
  valuesConfig: {
    MUNICIPAL_POLICE: { description: 'A city or town police department.' },
    COUNTY_SHERIFF: { description: "A county sheriff's office." },
    STATE_PATROL: { description: 'A state patrol or highway patrol.' },
    SCHOOL_DISTRICT_POLICE: { description: "The school district's own police department." },
    TRIBAL_POLICE: { description: 'A tribal police department.' },
    OTHER: { description: 'Any other agency.' },
  },
});

/** A law-enforcement agency that provides School Resource Officers. */
@ObjectType({ description: 'A law-enforcement agency that provides School Resource Officers to the district.', simpleResolvers: true })
@Entity()
@Check({ name: 'agency_ori_format', expression: "ori ~ '^[A-Z]{2}[A-Z0-9]{7}$'" })
@Check({ name: 'agency_name_not_blank', expression: "btrim(name) <> ''" })
export class Agency extends BaseEntity<'active'> {
  @Field({ description: 'Name of the agency, unique in the district, such as "Cedar Falls Police Department".' })
  @Property({ length: 200 })
  @Unique({ name: 'agency_name_unique' })
  name!: string;

  @Field(() => AgencyKind, { description: 'What kind of agency it is.' })
  @Enum({ items: () => AgencyKind })
  @Index({ name: 'agency_kind_index' })
  kind!: AgencyKind;

  @Field(() => String, { nullable: true, description: 'FBI Originating Agency Identifier: 9 characters, two-letter state code first.' })
  @Property({ type: 'string', length: 9, nullable: true })
  @Unique({ name: 'agency_ori_unique' })
  ori?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the chief, sheriff or commanding officer.' })
  @Property({ type: 'string', length: 200, nullable: true })
  chiefName?: string | null;

  @Field(() => String, { nullable: true, description: "The agency's main telephone number." })
  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "The agency's contact e-mail address." })
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address of the agency.' })
  @Property({ type: 'string', length: 500, nullable: true })
  address?: string | null;

  @Field({ description: 'False once the agency no longer takes part in the program.' })
  @Property({ default: true })
  @Index({ name: 'agency_active_index' })
  active: boolean = true;

  @OneToMany(() => Officer, (officer) => officer.agency)
  officers = new Collection<Officer>(this);
}
