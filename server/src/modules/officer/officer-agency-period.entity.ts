import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Agency } from '../agency/agency.entity';
import { Officer } from './officer.entity';

/**
 * Which agency an officer served from which day to which (inclusive; null = still). Kept by PostgreSQL alone (migration
 * officer_agency_history): a new officer opens a period from the beginning of time, a change of agency closes it the
 * day before and opens the next from today. Activities take their agency from it (`activity.agency_id`). Not exposed.
 */
@Entity()
// Declared here by name only, so that schema diffs keep it; migration officer_agency_history creates it.
@Index({ name: 'officer_agency_period_no_overlap', expression: 'select 1 -- exclusion constraint: see migration officer_agency_history' })
export class OfficerAgencyPeriod {
  @PrimaryKey({ autoincrement: true })
  id!: number;

  @ManyToOne(() => Officer, { ref: true, deleteRule: 'cascade', index: false })
  officer!: Ref<Officer>;

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict', index: 'officer_agency_period_agency_index' })
  agency!: Ref<Agency>;

  @Property({ type: 'date' })
  startDate!: string;

  @Property({ type: 'date', nullable: true })
  endDate?: string | null;
}
