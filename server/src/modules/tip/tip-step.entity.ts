import { Check, Entity, Enum, Index, ManyToOne, OneToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { Activity } from '../activity/activity.entity';
import { Officer } from '../officer/officer.entity';
import { TIP_TEXT_MAX, Tip } from './tip.entity';

export enum TipStepKind {
  CONTACT_MADE = 'CONTACT_MADE',
  WELFARE_CHECK = 'WELFARE_CHECK',
  PARENT_CONTACTED = 'PARENT_CONTACTED',
  REFERRAL = 'REFERRAL',
  CLOSED = 'CLOSED',
}

registerEnumType(TipStepKind, {
  name: 'TipStepKind',
  description: 'What a follow-up step was.',
  valuesConfig: {
    CONTACT_MADE: { description: 'Contact made.' },
    WELFARE_CHECK: { description: 'Welfare check.' },
    PARENT_CONTACTED: { description: 'Parent or guardian contacted.' },
    REFERRAL: { description: 'Referral made.' },
    CLOSED: { description: 'The closing step.' },
  },
});

/** One dated follow-up step of a tip; it is also a TIP_FOLLOW_UP activity of its officer (`activity`). */
@ObjectType({ description: 'One follow-up step of a tip; also counted as a TIP_FOLLOW_UP activity of its officer.', simpleResolvers: true })
@Entity()
@Check({ name: 'tip_step_minutes_range', expression: 'minutes >= 1 and minutes <= 1440' })
@Check({ name: 'tip_step_note_length', expression: `char_length(note) <= ${TIP_TEXT_MAX}` })
@Index({ name: 'tip_step_tip_index', properties: ['tip', 'takenAt'] })
@Index({ name: 'tip_step_officer_index', properties: ['officer'] })
export class TipStep extends BaseEntity {
  @ManyToOne(() => Tip, { ref: true, deleteRule: 'cascade', index: false })
  tip!: Ref<Tip>;

  @ManyToOne(() => Officer, { ref: true, deleteRule: 'restrict', index: false })
  officer!: Ref<Officer>;

  /** The activity this step counts as: written, changed and deleted with it. */
  @OneToOne(() => Activity, { ref: true, owner: true, deleteRule: 'restrict', unique: 'tip_step_activity_unique' })
  activity!: Ref<Activity>;

  @Field({ description: 'When the step was taken.' })
  @Property({ type: 'timestamptz' })
  takenAt!: Date;

  @Field(() => TipStepKind, { description: 'What the step was.' })
  @Enum({ items: () => TipStepKind })
  kind!: TipStepKind;

  @Field(() => Int, { description: 'Minutes spent, 1 to 1440.' })
  @Property()
  minutes!: number;

  @Field(() => String, { nullable: true, description: 'Note, at most 200 characters. Never name or identify a student.' })
  @Property({ type: 'string', length: TIP_TEXT_MAX, nullable: true })
  note?: string | null;
}
