import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity';
import { DateScalar } from '../../common/scalars';
import { Agency } from '../agency/agency.entity';
import { OfficerRank } from '../officer/officer.entity';

export enum MouStatus {
  DRAFT = 'DRAFT',
  IN_FORCE = 'IN_FORCE',
  EXPIRED = 'EXPIRED',
  TERMINATED = 'TERMINATED',
}

registerEnumType(MouStatus, {
  name: 'MouStatus',
  description: 'Where a memorandum of understanding stands.',
  valuesConfig: {
    DRAFT: { description: 'Being negotiated; not signed yet.' },
    IN_FORCE: { description: 'Signed and in force.' },
    EXPIRED: { description: 'Past its expiry date.' },
    TERMINATED: { description: 'Ended early by a party.' },
  },
});

/** The elements the US DOJ COPS Office asks an SRO MOU to cover. */
export enum CopsElement {
  PURPOSE_AND_GOALS = 'PURPOSE_AND_GOALS',
  ROLES_OF_SROS = 'ROLES_OF_SROS',
  ROLES_OF_SCHOOL_STAFF = 'ROLES_OF_SCHOOL_STAFF',
  NO_SCHOOL_DISCIPLINE = 'NO_SCHOOL_DISCIPLINE',
  INFORMATION_SHARING_AND_FERPA = 'INFORMATION_SHARING_AND_FERPA',
  SUPERVISION_AND_CHAIN_OF_COMMAND = 'SUPERVISION_AND_CHAIN_OF_COMMAND',
  SELECTION_AND_TRAINING = 'SELECTION_AND_TRAINING',
  DATA_AND_EVALUATION = 'DATA_AND_EVALUATION',
  COMPLAINT_HANDLING = 'COMPLAINT_HANDLING',
  TERMS_AND_FUNDING = 'TERMS_AND_FUNDING',
  SIGNATURES = 'SIGNATURES',
}

registerEnumType(CopsElement, {
  name: 'CopsElement',
  description: 'An element the US DOJ COPS Office asks an SRO memorandum of understanding to cover.',
  valuesConfig: {
    PURPOSE_AND_GOALS: { description: 'Purpose and goals of the program.' },
    ROLES_OF_SROS: { description: 'Roles and responsibilities of the SROs.' },
    ROLES_OF_SCHOOL_STAFF: { description: 'Roles and responsibilities of school staff.' },
    NO_SCHOOL_DISCIPLINE: { description: 'That SROs do not administer school discipline.' },
    INFORMATION_SHARING_AND_FERPA: { description: 'Information sharing and FERPA.' },
    SUPERVISION_AND_CHAIN_OF_COMMAND: { description: 'Supervision and chain of command.' },
    SELECTION_AND_TRAINING: { description: 'Selection and training of SROs.' },
    DATA_AND_EVALUATION: { description: 'Data collection and program evaluation.' },
    COMPLAINT_HANDLING: { description: 'Complaint handling.' },
    TERMS_AND_FUNDING: { description: 'Terms and funding.' },
    SIGNATURES: { description: 'Signatures.' },
  },
});

@ObjectType({ description: 'A person who signed a memorandum of understanding.' })
export class MouSignatory {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field({ description: 'Title, such as "Superintendent" or "Chief of Police".' })
  title!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Day signed; null while not signed.' })
  signedOn?: string | null;
}

@ObjectType({ description: 'One COPS element of the checklist, and where the memorandum addresses it.' })
export class MouElement {
  @Field(() => CopsElement, { description: 'The element.' })
  element!: CopsElement;

  @Field({ description: 'Whether the memorandum addresses it.' })
  addressed!: boolean;

  @Field(() => String, { nullable: true, description: 'Where it is addressed, such as "Section 4.2"; null when not given.' })
  location?: string | null;
}

@ObjectType({ description: 'Positions a memorandum funds at one rank.' })
export class MouPosition {
  @Field(() => OfficerRank, { description: 'Rank of the positions.' })
  rank!: OfficerRank;

  @Field(() => Int, { description: 'How many positions.' })
  count!: number;
}

/**
 * A memorandum of understanding between the district and one agency. The rules (dates in order, a non-blank
 * title, JSON lists that are arrays) hold in PostgreSQL (migration mou); the signed PDF lives in its own table,
 * mou_document, with row security of its own (analysts do not read it).
 */
@ObjectType({ description: 'A memorandum of understanding between the district and one agency.', simpleResolvers: true })
@Entity()
@Check({ name: 'mou_expiry_after_effective', expression: 'expiry_date >= effective_date' })
@Check({ name: 'mou_title_not_blank', expression: "btrim(title) <> ''" })
@Check({
  name: 'mou_lists_are_arrays',
  expression: "jsonb_typeof(signatories) = 'array' and jsonb_typeof(elements) = 'array' and jsonb_typeof(positions) = 'array'",
})
@Index({ name: 'mou_expiry_index', properties: ['expiryDate'] })
export class Mou extends BaseEntity<'status' | 'signatories' | 'elements' | 'positions'> {
  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict', index: 'mou_agency_index' })
  agency!: Ref<Agency>;

  @Field({ description: 'Title of the agreement.' })
  @Property({ length: 200 })
  title!: string;

  @Field(() => DateScalar, { description: 'First day in force.' })
  @Property({ type: 'date' })
  effectiveDate!: string;

  @Field(() => DateScalar, { description: 'Last day in force (inclusive).' })
  @Property({ type: 'date' })
  expiryDate!: string;

  @Field(() => MouStatus, { description: 'Where the agreement stands.' })
  @Enum({ items: () => MouStatus, default: MouStatus.DRAFT })
  status: MouStatus = MouStatus.DRAFT;

  @Field(() => [MouSignatory], { description: 'Who signed it, for each party.' })
  @Property({ type: 'json', default: '[]' })
  signatories: MouSignatory[] = [];

  @Field(() => [MouElement], { description: 'The COPS elements checklist.' })
  @Property({ type: 'json', default: '[]' })
  elements: MouElement[] = [];

  @Field(() => [MouPosition], { description: 'Positions funded, by rank.' })
  @Property({ type: 'json', default: '[]' })
  positions: MouPosition[] = [];
}
