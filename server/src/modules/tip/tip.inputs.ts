import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SortInput, SortOrder, sortFields } from '../../common/list';
import { OmittableNotNull } from '../../common/validation';
import { TIP_TEXT_MAX, TipCategory, TipDisposition, TipSource, TipStatus } from './tip.entity';
import { TipStepKind } from './tip-step.entity';

/** The refusal of any longer free text, in the words of the activity notes' notice. */
export const textMessage = (field: string) => `${field} can be at most ${TIP_TEXT_MAX} characters: never a narrative or a name`;

export const TipSortField = sortFields(
  {
    RECEIVED_AT: 'RECEIVED_AT',
    CATEGORY: 'CATEGORY',
    STATUS: 'STATUS',
    SOURCE: 'SOURCE',
    REFERENCE_NUMBER: 'REFERENCE_NUMBER',
    SCHOOL_NAME: 'SCHOOL_NAME',
    CREATED_AT: 'CREATED_AT',
    UPDATED_AT: 'UPDATED_AT',
  } as const,
  'Tip',
  {
    RECEIVED_AT: 'When received.',
    CATEGORY: 'Category.',
    STATUS: 'Status.',
    SOURCE: 'Source.',
    REFERENCE_NUMBER: 'Reference number.',
    SCHOOL_NAME: 'School name.',
    CREATED_AT: 'When the record was created.',
    UPDATED_AT: 'When the record was last changed.',
  },
);
export type TipSortField = (typeof TipSortField)[keyof typeof TipSortField];

export const tipSortColumns: Record<TipSortField, string> = {
  RECEIVED_AT: 'receivedAt',
  CATEGORY: 'category',
  STATUS: 'status',
  SOURCE: 'source',
  REFERENCE_NUMBER: 'referenceNumber',
  SCHOOL_NAME: 'school.name',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
};

@InputType({ description: 'Which tips to list; all conditions must hold.' })
export class TipFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these tips.' })
  @IsOptional()
  ids?: string[];

  @Field(() => TipStatus, { nullable: true, description: 'Only tips in this status.' })
  @IsOptional()
  status?: TipStatus;

  @Field(() => TipSource, { nullable: true, description: 'Only tips from this source.' })
  @IsOptional()
  source?: TipSource;

  @Field(() => TipCategory, { nullable: true, description: 'Only tips of this category.' })
  @IsOptional()
  category?: TipCategory;

  @Field(() => ID, { nullable: true, description: 'Only tips about this school.' })
  @IsOptional()
  schoolId?: string;

  @Field({ nullable: true, description: 'Only life-safety tips (true) or only the others (false).' })
  @IsOptional()
  lifeSafety?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only tips this officer is assigned to.' })
  @IsOptional()
  officerId?: string;

  @Field({ nullable: true, description: 'Only tips assigned to the signed-in officer (an OFFICER user\'s "my tips").' })
  @IsOptional()
  mine?: boolean;

  @Field({ nullable: true, description: 'Only overdue tips (true: open, no first action, past the deadline) or only the others.' })
  @IsOptional()
  overdue?: boolean;

  @Field({ nullable: true, description: 'Text the reference number contains, ignoring case.' })
  @IsOptional()
  @MaxLength(TIP_TEXT_MAX, { message: textMessage('q') })
  q?: string;
}

export const TipSort = SortInput(TipSortField, 'Tip', 'tips', { field: 'RECEIVED_AT', order: SortOrder.DESC });
export type TipSort = InstanceType<typeof TipSort>;

@InputType({ description: "A tip received from a tip line. Never enter the tip's content or anyone's name." })
export class CreateTipInput {
  @Field({ description: "The tip line's reference number, unique per source; at most 200 characters." })
  @MaxLength(TIP_TEXT_MAX, { message: textMessage('referenceNumber') })
  referenceNumber!: string;

  @Field(() => TipSource, { description: 'Where it came from.' })
  source!: TipSource;

  @Field({ description: 'When the tip line received it; not in the future.' })
  receivedAt!: Date;

  @Field(() => TipCategory, { description: 'Kind of tip.' })
  category!: TipCategory;

  @Field(() => ID, { nullable: true, description: 'The school, when known.' })
  @IsOptional()
  schoolId?: string | null;

  @Field({ nullable: true, defaultValue: false, description: 'A threat to life: first action due within minutes.' })
  @IsOptional()
  lifeSafety?: boolean;

  @Field(() => [ID], { nullable: true, description: 'Officers to assign at once; the tip is then ASSIGNED.' })
  @IsOptional()
  officerIds?: string[];
}

@InputType({ description: 'Changes to a tip: only the fields given change. Status moves forward only.' })
export class UpdateTipInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field({ nullable: true, description: 'Reference number; at most 200 characters.' })
  @OmittableNotNull()
  @MaxLength(TIP_TEXT_MAX, { message: textMessage('referenceNumber') })
  referenceNumber?: string;

  @Field(() => TipSource, { nullable: true, description: 'Source.' })
  @OmittableNotNull()
  source?: TipSource;

  @Field({ nullable: true, description: 'When received.' })
  @OmittableNotNull()
  receivedAt?: Date;

  @Field(() => TipCategory, { nullable: true, description: 'Category.' })
  @OmittableNotNull()
  category?: TipCategory;

  @Field(() => ID, { nullable: true, description: 'The school; null when unknown.' })
  @IsOptional()
  schoolId?: string | null;

  @Field({ nullable: true, description: 'Life-safety flag.' })
  @OmittableNotNull()
  lifeSafety?: boolean;

  @Field(() => [ID], {
    nullable: true,
    description: 'The assigned officers, all of them (replaces the list); a RECEIVED tip becomes ASSIGNED.',
  })
  @OmittableNotNull()
  officerIds?: string[];

  @Field(() => TipDisposition, { nullable: true, description: 'Closes the tip with this disposition (status CLOSED, closed now).' })
  @OmittableNotNull()
  closeAs?: TipDisposition;
}

@InputType({ description: 'Changes applied to several tips at once.' })
export class BulkUpdateTipInput {
  @Field(() => [ID], { nullable: true, description: 'Assign these officers to every tip (replaces each list).' })
  @OmittableNotNull()
  officerIds?: string[];

  @Field(() => TipDisposition, { nullable: true, description: 'Close them all with this disposition.' })
  @OmittableNotNull()
  closeAs?: TipDisposition;
}

export const TipStepSortField = sortFields({ TAKEN_AT: 'TAKEN_AT', KIND: 'KIND', MINUTES: 'MINUTES' } as const, 'TipStep', {
  TAKEN_AT: 'When taken.',
  KIND: 'Kind.',
  MINUTES: 'Minutes.',
});
export type TipStepSortField = (typeof TipStepSortField)[keyof typeof TipStepSortField];
export const tipStepSortColumns: Record<TipStepSortField, string> = { TAKEN_AT: 'takenAt', KIND: 'kind', MINUTES: 'minutes' };

@InputType({ description: 'Which follow-up steps to list.' })
export class TipStepFilter {
  @Field(() => ID, { nullable: true, description: 'Only the steps of this tip.' })
  @IsOptional()
  tipId?: string;

  @Field(() => ID, { nullable: true, description: 'Only the steps of this officer.' })
  @IsOptional()
  officerId?: string;
}

export const TipStepSort = SortInput(TipStepSortField, 'TipStep', 'tipSteps', { field: 'TAKEN_AT', order: SortOrder.ASC });
export type TipStepSort = InstanceType<typeof TipStepSort>;

@InputType({ description: 'A follow-up step; it is also logged as a TIP_FOLLOW_UP activity of its officer.' })
export class CreateTipStepInput {
  @Field(() => ID, { description: 'The tip.' })
  tipId!: string;

  @Field(() => ID, { nullable: true, description: 'The officer; an OFFICER user logs only as itself and may leave this out.' })
  @IsOptional()
  officerId?: string | null;

  @Field({ nullable: true, description: 'When it was taken; now when left out. Not in the future.' })
  @IsOptional()
  takenAt?: Date;

  @Field(() => TipStepKind, { description: 'What it was.' })
  kind!: TipStepKind;

  @Field(() => Int, { description: 'Minutes spent, 1 to 1440.' })
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(1440, { message: 'minutes must be at most 1440 (a day)' })
  minutes!: number;

  @Field(() => String, { nullable: true, description: 'Note, at most 200 characters. Never name a student.' })
  @IsOptional()
  @MaxLength(TIP_TEXT_MAX, { message: textMessage('note') })
  note?: string | null;
}

@InputType({ description: 'Changes to a follow-up step (and its activity): only the fields given change.' })
export class UpdateTipStepInput {
  @Field(() => Int, { description: 'The version you last read; a different current version is a CONFLICT.' })
  version!: number;

  @Field({ nullable: true, description: 'When it was taken.' })
  @OmittableNotNull()
  takenAt?: Date;

  @Field(() => TipStepKind, { nullable: true, description: 'What it was.' })
  @OmittableNotNull()
  kind?: TipStepKind;

  @Field(() => Int, { nullable: true, description: 'Minutes spent, 1 to 1440.' })
  @OmittableNotNull()
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(1440, { message: 'minutes must be at most 1440 (a day)' })
  minutes?: number;

  @Field(() => String, { nullable: true, description: 'Note, at most 200 characters. Never name a student.' })
  @IsOptional()
  @MaxLength(TIP_TEXT_MAX, { message: textMessage('note') })
  note?: string | null;
}

@InputType({ description: 'Changes applied to several steps at once.' })
export class BulkUpdateTipStepInput {
  @Field(() => Int, { nullable: true, description: 'Minutes spent, 1 to 1440.' })
  @OmittableNotNull()
  @Min(1, { message: 'minutes must be at least 1' })
  @Max(1440, { message: 'minutes must be at most 1440 (a day)' })
  minutes?: number;
}
