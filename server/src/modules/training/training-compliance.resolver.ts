import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { DateScalar } from '../../common/scalars';
import { trainingComplianceReport, type TrainingSettings } from './training-compliance.service';
import { TrainingComplianceFilter, TrainingComplianceReport } from './training-compliance.types';

export { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from './training-compliance.service';

export function trainingComplianceResolver(settings: TrainingSettings) {
  @Authorized()
  @Resolver()
  class TrainingComplianceResolver {
    @Query(() => TrainingComplianceReport, {
      description:
        "Training compliance on a date: per officer assigned that day and requirement, COMPLIANT, DUE_SOON or NON_COMPLIANT with the reason and due date; per agency the share compliant; who lapses within 90 days; CSV. ADMIN and ANALYST read every row, a chief its own officers' rows and every agency's share, an officer its own rows.",
    })
    trainingComplianceReport(
      @Ctx() ctx: RequestContext,
      @Arg('date', () => DateScalar, { nullable: true, description: "The date; today (in the program's time zone) when left out." })
      date?: string,
      @Arg('filter', () => TrainingComplianceFilter, { nullable: true, description: 'Which rows.' }) filter?: TrainingComplianceFilter,
    ): Promise<TrainingComplianceReport> {
      return trainingComplianceReport(ctx, date, filter, settings);
    }
  }
  return TrainingComplianceResolver;
}
