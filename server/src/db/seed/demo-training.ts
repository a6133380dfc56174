/**
 * The demo district's training: a small catalogue, the three requirements the issue names (basic course within 12
 * months of the first assignment, 16 in-service hours each program year, a current CPR certificate), and records
 * from fixed rules (no clock beyond `today`, no randomness): every officer's basic course from its "basic training
 * completed on" date, CPR cards of staggered ages (some lapse soon, one has lapsed), in-service hours for most.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, addMonths } from '../../common/dates';
import { CourseKind, TrainingCourse } from '../../modules/training/training-course.entity';
import { TrainingRecord } from '../../modules/training/training-record.entity';
import { RequirementAppliesTo, RequirementRule, TrainingRequirement } from '../../modules/training/training-requirement.entity';

export const DEMO_COURSES = [
  { name: 'NASRO Basic SRO Course', provider: 'NASRO', hours: 40, kind: CourseKind.SRO_BASIC, validityMonths: null },
  { name: 'SRO In-Service Update', provider: 'State POST', hours: 8, kind: CourseKind.IN_SERVICE, validityMonths: null },
  { name: 'CPR/AED for Professional Rescuers', provider: 'American Red Cross', hours: 4, kind: CourseKind.CERTIFICATE, validityMonths: 24 },
  { name: 'Youth Mental Health First Aid', provider: 'National Council', hours: 8, kind: CourseKind.OTHER, validityMonths: 36 },
] as const;

export async function seedTraining(
  em: EntityManager,
  officers: { id: number; basicCompletedOn: string | null }[],
  today: string,
): Promise<void> {
  const courses = [];
  for (const course of DEMO_COURSES) courses.push(em.create(TrainingCourse, { ...course }));
  await em.persistAndFlush(courses);
  const [basic, inService, cpr] = courses;
  em.persist([
    em.create(TrainingRequirement, {
      name: 'Basic SRO course within 12 months of the first assignment',
      appliesTo: RequirementAppliesTo.EVERY_SRO,
      ranks: [],
      active: true,
      rule: RequirementRule.COURSE_BEFORE_OR_WITHIN,
      courseKind: CourseKind.SRO_BASIC,
      withinMonths: 12,
    }),
    em.create(TrainingRequirement, {
      name: '16 hours of in-service training each program year',
      appliesTo: RequirementAppliesTo.EVERY_SRO,
      ranks: [],
      active: true,
      rule: RequirementRule.IN_SERVICE_HOURS_PER_PROGRAM_YEAR,
      hours: 16,
    }),
    em.create(TrainingRequirement, {
      name: 'Current CPR certificate',
      appliesTo: RequirementAppliesTo.EVERY_SRO,
      ranks: [],
      active: true,
      rule: RequirementRule.CERTIFICATE_CURRENT,
      course: cpr,
    }),
  ]);
  officers.forEach(({ id, basicCompletedOn }, index) => {
    if (basicCompletedOn) {
      em.persist(em.create(TrainingRecord, { officer: id, course: basic, completedOn: basicCompletedOn, hoursCredited: basic.hours }));
    }
    // CPR cards 3 to 25 months old: the oldest have lapsed or lapse within weeks.
    const cprOn = addMonths(today, -(3 + ((index * 7) % 23)));
    em.persist(
      em.create(TrainingRecord, {
        officer: id,
        course: cpr,
        completedOn: cprOn,
        hoursCredited: cpr.hours,
        expiresOn: addMonths(cprOn, 24),
        certificateNumber: `ARC-${String(1000 + index * 37)}`,
      }),
    );
    // In-service: two sessions for most officers, one for every third.
    const sessions = index % 3 === 2 ? 1 : 2;
    for (let session = 0; session < sessions; session++) {
      em.persist(
        em.create(TrainingRecord, { officer: id, course: inService, completedOn: addDays(today, -20 - 45 * session), hoursCredited: 8 }),
      );
    }
  });
  await em.flush();
}
