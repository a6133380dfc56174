import { assignmentViolations, describeAssignment, freeFteByOfficer, validateAssignmentValues } from './assignmentRules';

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
    expect(violation).toMatchObject({ field: 'startDate', clashingAssignmentId: '12', clashing: existing[0] });
    expect(violation.message).toBe('An officer has at most one PRIMARY assignment on any day');
    expect(describeAssignment(violation.clashing!)).toBe('primary at Harlow Falls High School, Tue, Jul 1, 2025 to open-ended');
  });

  it('allows a PRIMARY after the other one ended, and ignores the record being edited', () => {
    const ended = [{ ...existing[0], endDate: '2026-06-30' }];
    expect(assignmentViolations({ role: 'PRIMARY', startDate: '2026-07-01', fte: 1 }, ended)).toEqual([]);
    expect(assignmentViolations({ id: '12', role: 'PRIMARY', startDate: '2025-07-01', fte: 1 }, existing.slice(0, 1))).toEqual([]);
  });

  it('finds the day the summed FTE would pass 1.00', () => {
    const [violation] = assignmentViolations({ role: 'BACKUP', startDate: '2025-09-01', endDate: '2026-12-31', fte: 0.2 }, existing);
    expect(violation).toMatchObject({ field: 'fte' });
    expect(violation.message).toBe('The officer would serve 1.10 FTE on Thu, Jan 1, 2026, more than 1.00');
  });

  it('validates dates in order and FTE in (0, 1] with two decimals', () => {
    expect(validateAssignmentValues({ startDate: '2026-09-01', endDate: '2026-08-01', fte: 1 })).toEqual({
      endDate: 'The end date cannot be before the start date',
    });
    expect(validateAssignmentValues({ startDate: '2026-09-01', fte: 1.5 })).toHaveProperty('fte');
    expect(validateAssignmentValues({ startDate: '2026-09-01', fte: 0.333 })).toHaveProperty('fte');
    expect(validateAssignmentValues({ startDate: '2026-09-01', fte: 0.35 })).toEqual({});
  });

  it("gives each officer's free FTE on a period: 1.00 minus the most it holds on any day of it", () => {
    const held = [
      ...existing.map((assignment) => ({ ...assignment, officerId: '1' })),
      { id: '20', officerId: '2', role: 'BACKUP', startDate: '2026-03-01', endDate: '2026-03-31', fte: 0.25 },
      { id: '21', officerId: '2', role: 'BACKUP', startDate: '2026-04-01', endDate: null, fte: 0.5 },
    ];
    // Officer 1 holds 0.60, then 0.90 from 2026-01-01 to 2026-06-30; officer 2 holds 0.25 in March, 0.50 from April.
    expect(freeFteByOfficer(held, '2025-09-01', '2025-12-31')).toEqual(new Map([['1', 0.4]]));
    expect(freeFteByOfficer(held, '2025-09-01', '2026-03-15')).toEqual(
      new Map([
        ['1', 0.1],
        ['2', 0.75],
      ]),
    );
    expect(freeFteByOfficer(held, '2026-07-01', null)).toEqual(
      new Map([
        ['1', 0.4],
        ['2', 0.5],
      ]),
    );
  });
});
