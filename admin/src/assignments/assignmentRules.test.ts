import { assignmentViolations, validateAssignmentValues } from './assignmentRules';

const existing = [
  { id: '12', role: 'PRIMARY', startDate: '2025-07-01', endDate: null, fte: 0.6, school: { name: 'Harlow Falls High School' } },
  {
    id: '13',
    role: 'SECONDARY',
    startDate: '2026-01-01',
    endDate: '2026-06-30',
    fte: 0.3,
    school: { name: 'Beacon Hill Elementary School' },
  },
];

describe('assignment rules, checked while the form is filled in', () => {
  it('names the PRIMARY assignment a new PRIMARY would overlap', () => {
    const [violation] = assignmentViolations({ role: 'PRIMARY', startDate: '2026-09-01', endDate: null, fte: 0.2 }, existing);
    expect(violation).toMatchObject({ field: 'startDate', clashingAssignmentId: '12' });
    expect(violation.message).toMatch(/^Clashes with assignment #12 \(primary at Harlow Falls High School/);
  });

  it('allows a PRIMARY after the other one ended, and ignores the record being edited', () => {
    const ended = [{ ...existing[0], endDate: '2026-06-30' }];
    expect(assignmentViolations({ role: 'PRIMARY', startDate: '2026-07-01', fte: 1 }, ended)).toEqual([]);
    expect(assignmentViolations({ id: '12', role: 'PRIMARY', startDate: '2025-07-01', fte: 1 }, existing.slice(0, 1))).toEqual([]);
  });

  it('finds the day the summed FTE would pass 1.00', () => {
    const [violation] = assignmentViolations({ role: 'BACKUP', startDate: '2025-09-01', endDate: '2026-12-31', fte: 0.2 }, existing);
    expect(violation).toMatchObject({ field: 'fte' });
    expect(violation.message).toMatch(/1\.10 FTE on 2026-01-01/);
  });

  it('validates dates in order and FTE in (0, 1] with two decimals', () => {
    expect(validateAssignmentValues({ startDate: '2026-09-01', endDate: '2026-08-01', fte: 1 })).toEqual({
      endDate: 'The end date cannot be before the start date',
    });
    expect(validateAssignmentValues({ startDate: '2026-09-01', fte: 1.5 })).toHaveProperty('fte');
    expect(validateAssignmentValues({ startDate: '2026-09-01', fte: 0.333 })).toHaveProperty('fte');
    expect(validateAssignmentValues({ startDate: '2026-09-01', fte: 0.35 })).toEqual({});
  });
});
