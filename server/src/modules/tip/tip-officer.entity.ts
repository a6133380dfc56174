import { Entity, Index, ManyToOne, OptionalProps, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Officer } from '../officer/officer.entity';
import { Tip } from './tip.entity';

/** An officer assigned to a tip. */
@Entity({ tableName: 'tip_officer' })
@Index({ name: 'tip_officer_officer_index', properties: ['officer'] })
export class TipOfficer {
  [PrimaryKeyProp]?: ['tip', 'officer'];
  [OptionalProps]?: 'assignedAt';

  @ManyToOne(() => Tip, { ref: true, primary: true, deleteRule: 'cascade' })
  tip!: Ref<Tip>;

  @ManyToOne(() => Officer, { ref: true, primary: true, deleteRule: 'restrict' })
  officer!: Ref<Officer>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  assignedAt: Date = new Date();
}
