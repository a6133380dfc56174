import { Check, Collection, Entity, Enum, Index, OneToMany, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Activity } from '../activity/activity.entity';
import { Assignment } from '../assignment/assignment.entity';

export enum SchoolLevel {
  ELEMENTARY = 'ELEMENTARY',
  MIDDLE = 'MIDDLE',
  JUNIOR_HIGH = 'JUNIOR_HIGH',
  HIGH = 'HIGH',
  K12 = 'K12',
  ALTERNATIVE = 'ALTERNATIVE',
  OTHER = 'OTHER',
}

export enum SchoolLocale {
  CITY = 'CITY',
  SUBURB = 'SUBURB',
  TOWN = 'TOWN',
  RURAL = 'RURAL',
}

registerEnumType(SchoolLevel, {
  name: 'SchoolLevel',
  description: 'The grades a school serves.',
  valuesConfig: {
    ELEMENTARY: { description: 'Elementary school (K-5 or K-6).' },
    MIDDLE: { description: 'Middle school (6-8).' },
    JUNIOR_HIGH: { description: 'Junior high school (7-9).' },
    HIGH: { description: 'High school (9-12).' },
    K12: { description: 'A school serving all grades K-12.' },
    ALTERNATIVE: { description: 'Alternative school.' },
    OTHER: { description: 'Any other school.' },
  },
});

registerEnumType(SchoolLocale, {
  name: 'SchoolLocale',
  description: "NCES locale category of the school's location.",
  valuesConfig: {
    CITY: { description: 'Inside a principal city.' },
    SUBURB: { description: 'Outside a principal city, inside an urbanized area.' },
    TOWN: { description: 'Inside an urban cluster away from an urbanized area.' },
    RURAL: { description: 'Outside urbanized areas and urban clusters.' },
  },
});

/** A school of the district. */
@ObjectType({ description: 'A school of the district.', simpleResolvers: true })
@Entity()
@Check({ name: 'school_nces_id_format', expression: "nces_id ~ '^[0-9]{12}$'" })
@Check({ name: 'school_enrollment_not_negative', expression: 'enrollment >= 0' })
@Check({ name: 'school_name_not_blank', expression: "btrim(name) <> ''" })
export class School extends BaseEntity<'enrollment' | 'active'> {
  @Field({ description: 'Name of the school, unique in the district.' })
  @Property({ length: 200 })
  @Unique({ name: 'school_name_unique' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'NCES school identifier: 12 digits.' })
  @Property({ type: 'string', length: 12, nullable: true })
  @Unique({ name: 'school_nces_id_unique' })
  ncesId?: string | null;

  @Field(() => SchoolLevel, { description: 'The grades the school serves.' })
  @Enum({ items: () => SchoolLevel })
  @Index({ name: 'school_level_index' })
  level!: SchoolLevel;

  @Field(() => SchoolLocale, { description: "NCES locale of the school's location." })
  @Enum({ items: () => SchoolLocale })
  @Index({ name: 'school_locale_index' })
  locale!: SchoolLocale;

  @Field(() => String, { nullable: true, description: 'Postal address of the school.' })
  @Property({ type: 'string', length: 500, nullable: true })
  address?: string | null;

  @Field(() => Int, { description: 'Number of enrolled students.' })
  @Property({ default: 0 })
  enrollment: number = 0;

  @Field(() => String, { nullable: true, description: "The principal's name." })
  @Property({ type: 'string', length: 200, nullable: true })
  principalName?: string | null;

  @Field(() => String, { nullable: true, description: "The school's main telephone number." })
  @Property({ type: 'string', length: 40, nullable: true })
  phone?: string | null;

  @Field({ description: 'False once the school is closed; inactive schools get no new assignments.' })
  @Property({ default: true })
  @Index({ name: 'school_active_index' })
  active: boolean = true;

  @Field(() => DateScalar, {
    nullable: true,
    description: "The school's last day in the program (deactivateSchool); its assignments end on or before it. Null while active.",
  })
  @Property({ type: 'date', nullable: true })
  deactivatedOn?: string | null;

  @OneToMany(() => Assignment, (assignment) => assignment.school)
  assignments = new Collection<Assignment>(this);

  @OneToMany(() => Activity, (activity) => activity.school)
  activities = new Collection<Activity>(this);
}
