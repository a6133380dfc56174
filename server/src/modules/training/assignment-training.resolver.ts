import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { requireActor } from '../../common/policy';
import { Assignment } from '../assignment/assignment.entity';
import { assignmentTrainingWarnings, type TrainingSettings } from './training-compliance.service';

/**
 * `Assignment.trainingWarnings`: what `createAssignment` and `updateAssignment` answer, additively, when the officer
 * is NON_COMPLIANT on the assignment's dates. One SQL call per assignment: ask it on a mutation's answer or on
 * one assignment, not on long lists.
 */
export function assignmentTrainingResolver(settings: TrainingSettings) {
  @Resolver(() => Assignment)
  class AssignmentTrainingResolver {
    @FieldResolver(() => [String], {
      description:
        "Training requirements the officer is NON_COMPLIANT with on the assignment's first day or its last (the first when open-ended), each as 'requirement: reason (due date)'. Empty when compliant, or when you may not read the officer's training (a chief for another agency's officer).",
    })
    trainingWarnings(@Root() assignment: Assignment, @Ctx() ctx: RequestContext): Promise<string[]> {
      requireActor(ctx.actor);
      return assignmentTrainingWarnings(ctx, assignment.officer.id, assignment.startDate, assignment.endDate ?? null, settings);
    }
  }
  return AssignmentTrainingResolver;
}
