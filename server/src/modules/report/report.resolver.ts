import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { DateScalar } from '../../common/scalars';
import { activityReport, type ReportSettings } from './activity-report.service';
import { ActivityReport, ActivityReportArgs } from './activity-report.types';
import { coveragePeriodReport } from './coverage-period.service';
import { CoveragePeriodReport } from './coverage-period.types';
import { coverageReport } from './coverage-report.service';
import { CoverageFilter, CoverageReport } from './coverage-report.types';
import { staffingReport } from './staffing-report.service';
import { StaffingFilter, StaffingReport } from './staffing-report.types';

const CSV = 'Also downloadable as CSV with the same arguments as query parameters:';

/** The three program reports; each query is one line into its service, which checks the role and scopes the figures. */
export function reportResolver(settings: ReportSettings) {
  @Authorized()
  @Resolver()
  class ReportResolver {
    @Query(() => CoverageReport, {
      description: `Coverage of active schools on a date. ADMIN, ANALYST and agency chiefs (coverage is district-wide); FORBIDDEN for officers. ${CSV} /export/coverage.csv.`,
    })
    coverageReport(
      @Ctx() ctx: RequestContext,
      @Arg('date', () => DateScalar, { nullable: true, description: "The date; today (in the program's time zone) when left out." })
      date?: string,
      @Arg('filter', () => CoverageFilter, { nullable: true, description: 'Which schools.' }) filter?: CoverageFilter,
    ): Promise<CoverageReport> {
      return coverageReport(ctx, date, filter);
    }

    @Query(() => CoveragePeriodReport, {
      description:
        'Coverage over a period (at most 550 days), computed in SQL over the calendar with the day statuses of coverageReport: per school its ' +
        'instructional days by status, the share covered and the longest uncovered run; per agency officer-days present and absent by reason; ' +
        'the coming uncovered school-days (gaps). ADMIN, ANALYST and agency chiefs; FORBIDDEN for officers.',
    })
    coveragePeriodReport(
      @Ctx() ctx: RequestContext,
      @Arg('from', () => DateScalar, { description: 'First day.' }) from: string,
      @Arg('to', () => DateScalar, { description: 'Last day (on or after from).' }) to: string,
      @Arg('filter', () => CoverageFilter, { nullable: true, description: 'Which schools, as for coverageReport, day by day.' })
      filter?: CoverageFilter,
    ): Promise<CoveragePeriodReport> {
      return coveragePeriodReport(ctx, from, to, filter);
    }

    @Query(() => ActivityReport, {
      description:
        'Program activity for a period, with a comparison period (compareTo; by default the previous period of equal length). Every role: ADMIN and ANALYST see the district, an agency ' +
        `chief its own agency in detail and other agencies as one aggregate each (byAgency), an officer its own activities. ${CSV} /export/activity.csv.`,
    })
    activityReport(@Ctx() ctx: RequestContext, @Args(() => ActivityReportArgs) args: ActivityReportArgs): ActivityReport {
      return activityReport(ctx, args, settings);
    }

    @Query(() => StaffingReport, {
      description:
        'Officers, FTE and schools served per agency on a date, officers without an assignment and assignments ending soon. ADMIN, ANALYST and ' +
        `agency chiefs (counts for every agency, lists for its own); FORBIDDEN for officers. ${CSV} /export/staffing.csv.`,
    })
    staffingReport(
      @Ctx() ctx: RequestContext,
      @Arg('date', () => DateScalar, { nullable: true, description: "The date; today (in the program's time zone) when left out." })
      date?: string,
      @Arg('filter', () => StaffingFilter, {
        nullable: true,
        description: 'Which agencies, and how far ahead to look for ending assignments.',
      })
      filter?: StaffingFilter,
    ): Promise<StaffingReport> {
      return staffingReport(ctx, date, filter);
    }
  }
  return ReportResolver;
}
