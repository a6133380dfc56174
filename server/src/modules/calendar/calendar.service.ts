import { FlushMode, ref, type FilterQuery } from '@mikro-orm/core';
import { CrudService, assignDefined, reference } from '../../common/crud';
import { badInput, conflict } from '../../common/errors';
import { parseId, parseIds } from '../../common/validation';
import { School } from '../school/school.entity';
import { schoolPolicy } from '../school/school.policy';
import { schoolClosurePolicy, schoolYearPolicy } from './calendar.policy';
import {
  schoolClosureSortColumns,
  schoolYearSortColumns,
  type BulkUpdateSchoolClosureInput,
  type BulkUpdateSchoolYearInput,
  type CreateSchoolClosureInput,
  type CreateSchoolYearInput,
  type SchoolClosureFilter,
  type SchoolYearFilter,
  type UpdateSchoolClosureInput,
  type UpdateSchoolYearInput,
} from './calendar.inputs';
import { SchoolClosure } from './school-closure.entity';
import { SchoolYear } from './school-year.entity';

export const schoolYearService = new CrudService<
  SchoolYear,
  SchoolYearFilter,
  CreateSchoolYearInput,
  UpdateSchoolYearInput,
  BulkUpdateSchoolYearInput
>({
  entity: SchoolYear,
  policy: schoolYearPolicy,
  sortColumns: schoolYearSortColumns,
  where(filter) {
    const where: FilterQuery<SchoolYear>[] = [];
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.includes) where.push({ firstDay: { $lte: filter.includes }, lastDay: { $gte: filter.includes } });
    if (filter?.q) where.push({ name: { $ilike: `%${filter.q}%` } });
    return { $and: where };
  },
  async build(em, _ctx, input) {
    return em.create(SchoolYear, input);
  },
  async apply(_em, _ctx, year, input) {
    assignDefined(year, input);
  },
  // Checked first to name the school year that overlaps; PostgreSQL holds the same rule (school_year_no_overlap).
  async check(em, _ctx, year) {
    if (year.lastDay < year.firstDay) {
      throw badInput('The last day cannot be before the first day', { lastDay: ['lastDay must be on or after firstDay'] });
    }
    const overlapping = await em.find(
      SchoolYear,
      { firstDay: { $lte: year.lastDay }, lastDay: { $gte: year.firstDay } },
      { flushMode: FlushMode.COMMIT, orderBy: { firstDay: 'asc' } },
    );
    const other = overlapping.find((row) => row !== year && row.id !== year.id);
    if (other) {
      throw conflict(`School year ${other.name} (${other.firstDay} to ${other.lastDay}) overlaps these days`, {
        reason: 'school_year_no_overlap',
        clashingSchoolYearId: String(other.id),
      });
    }
  },
});

const schoolOf = async (em: Parameters<typeof reference>[0], ctx: Parameters<typeof reference>[1], id: string | null) =>
  id === null ? null : ref(await reference(em, ctx, School, schoolPolicy, id, 'schoolId'));

export const schoolClosureService = new CrudService<
  SchoolClosure,
  SchoolClosureFilter,
  CreateSchoolClosureInput,
  UpdateSchoolClosureInput,
  BulkUpdateSchoolClosureInput
>({
  entity: SchoolClosure,
  policy: schoolClosurePolicy,
  sortColumns: schoolClosureSortColumns,
  where(filter) {
    const where: FilterQuery<SchoolClosure>[] = [];
    if (filter?.ids) where.push({ id: { $in: parseIds(filter.ids, 'filter.ids') } });
    if (filter?.closesSchoolId)
      where.push({ $or: [{ school: null }, { school: parseId(filter.closesSchoolId, 'filter.closesSchoolId') }] });
    if (filter?.districtWide === true) where.push({ school: null });
    if (filter?.districtWide === false) where.push({ school: { $ne: null } });
    if (filter?.from) where.push({ endDate: { $gte: filter.from } });
    if (filter?.to) where.push({ startDate: { $lte: filter.to } });
    if (filter?.q) where.push({ reason: { $ilike: `%${filter.q}%` } });
    return { $and: where };
  },
  async build(em, ctx, { schoolId, ...values }) {
    return em.create(SchoolClosure, { ...values, school: await schoolOf(em, ctx, schoolId ?? null) });
  },
  async apply(em, ctx, closure, { schoolId, ...values }: Partial<UpdateSchoolClosureInput>) {
    if (schoolId !== undefined) closure.school = await schoolOf(em, ctx, schoolId);
    assignDefined(closure, values);
  },
  async check(_em, _ctx, closure) {
    if (closure.endDate < closure.startDate) {
      throw badInput('The last day cannot be before the first day', { endDate: ['endDate must be on or after startDate'] });
    }
  },
});
