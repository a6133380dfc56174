import express, { type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { audit } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { badInput, DomainError, ErrorCode, type FieldErrors } from '../../common/errors';
import type { RequestPipeline } from '../../common/request-pipeline';
import { ACTIVITY_PARTS, activityTable } from './activity-report.csv';
import { activityReport, type ReportSettings } from './activity-report.service';
import { COVERAGE_PARTS, coverageTable } from './coverage-report.csv';
import { coverageReport } from './coverage-report.service';
import { coveragePeriodTable } from './coverage-period.csv';
import { coveragePeriodReport } from './coverage-period.service';
import { cells, csvDownload, type CsvTable } from './csv';
import {
  activityParameters,
  coverageParameters,
  coveragePeriodParameters,
  staffingParameters,
  type QueryParameters,
} from './report.params';
import { LIST_EXPORTS, mountListExports } from './list-exports';
import { STAFFING_PARTS, staffingTable } from './staffing-report.csv';
import { safetyAuditReportParameters, safetyAuditReportTable } from '../safety-audit/safety-audit-report.csv';
import { safetyAuditReport, type SafetyAuditReportSettings } from '../safety-audit/safety-audit-report.service';
import { DEFAULT_SAFETY_AUDIT_SETTINGS } from '../safety-audit/corrective-action.service';
import { staffingReport } from './staffing-report.service';

export interface ExportOptions {
  /** A new request context, as /graphql builds it: who is asking is learnt in its first transaction (the pipeline). */
  context(request: Request, response: Response): RequestContext;
  /** The request pipeline /graphql runs through too: transactions under the actor's row security, the one error answer. */
  pipeline: RequestPipeline;
  settings: ReportSettings;
  /** AUDIT_CYCLE_MONTHS and ACTION_DUE_DAYS_*, for /safety-audit-report.csv; the defaults when left out. */
  safetyAudits?: SafetyAuditReportSettings;
  /** The API's schema: a list export reads the GraphQL list itself (list-exports.ts). */
  schema: GraphQLSchema;
  /** What /graphql checks in its variables (graphql/), for the list exports. */
  checkVariables(variables: Record<string, unknown>): void;
}

/** A report ready to stream: its table, the download's file name, and what the audit trail records. */
interface Export {
  table: CsvTable;
  fileName: string;
  details: Record<string, unknown>;
}

type Build = (ctx: RequestContext, query: QueryParameters) => Promise<Export>;

/** A bad parameter named as the client wrote it: `agencyId` for a query parameter, where the service says `filter.agencyId`. */
function asParameterError(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.code !== ErrorCode.BAD_USER_INPUT) return error;
  const fields = Object.entries((error.extensions.fields ?? {}) as FieldErrors);
  return badInput(error.message, Object.fromEntries(fields.map(([field, messages]) => [field.replace(/^filter\./, ''), messages])));
}

/**
 * Checks the caller and the parameters and builds the report (any error so far is an HTTP status with a JSON
 * body), records the export in the audit trail (committed before the first byte), then streams the CSV: each
 * section is computed, written, and waited on when the client reads slowly, before the next one is computed.
 */
function exportHandler(name: string, build: Build, options: ExportOptions) {
  const { pipeline } = options;
  return async (request: Request, response: Response) => {
    try {
      const ctx = options.context(request, response);
      const { table, fileName } = await pipeline.transaction(ctx, async () => {
        const built = await build(ctx, request.query as QueryParameters).catch((error: unknown) => Promise.reject(asParameterError(error)));
        audit(ctx.em, ctx, { action: 'export', entityType: 'Report', entityId: name, details: { report: name, ...built.details } });
        await ctx.em.flush();
        return built;
      });

      const writer = csvDownload(response, fileName);
      await writer.line(table.columns);
      // Each section in a short transaction of its own, so that no connection is held while a slow client reads.
      for (const section of table.sections) {
        for (const row of await pipeline.transaction(ctx, section)) await writer.line(cells(table.columns, row));
        await writer.flush();
      }
      response.end();
    } catch (error) {
      pipeline.fail(response, error);
    }
  };
}

/** A download's file name: the report, the part if one was asked for, and its dates. */
const fileName = (report: string, part: string | undefined, dates: string) => `${[report, part, dates].filter(Boolean).join('-')}.csv`;

/** What the audit trail records of the part: nothing for the whole report. */
const partDetails = (part: string | undefined) => (part ? { part } : {});

/**
 * GET /coverage.csv, /activity.csv and /staffing.csv: each report with the GraphQL query's arguments as query
 * parameters; `part` picks one table of it (see the *_PARTS), built from the same report object as the whole file.
 */
export function exportRouter(options: ExportOptions): express.Router {
  const router = express.Router();
  router.get(
    '/coverage.csv',
    exportHandler(
      'coverage',
      async (ctx, query) => {
        const { date, filter, part } = coverageParameters(query);
        const report = await coverageReport(ctx, date, filter);
        return {
          table: part ? COVERAGE_PARTS[part](report, ctx.em) : coverageTable(report),
          fileName: fileName('coverage', part, report.date),
          details: { ...partDetails(part), date: report.date, filter },
        };
      },
      options,
    ),
  );
  router.get(
    '/coverage-period.csv',
    exportHandler(
      'coverage-period',
      async (ctx, query) => {
        const { from, to, filter } = coveragePeriodParameters(query);
        const report = await coveragePeriodReport(ctx, from, to, filter);
        return {
          table: coveragePeriodTable(report),
          fileName: fileName('coverage-period', undefined, `${report.from}-to-${report.to}`),
          details: { from: report.from, to: report.to, filter },
        };
      },
      options,
    ),
  );
  router.get(
    '/activity.csv',
    exportHandler(
      'activity',
      async (ctx, query) => {
        const { args, part } = activityParameters(query);
        const report = activityReport(ctx, args, options.settings);
        const { from, to } = report.period;
        // The comparison is recorded when the caller chose one, so that older audit entries read the same.
        const previous = report.previous().period;
        const comparison = args.compareTo ? { compareTo: report.compareTo, previous: { from: previous.from, to: previous.to } } : {};
        return {
          table: part ? ACTIVITY_PARTS[part](report, ctx.em) : activityTable(report),
          fileName: fileName('activity', part, `${from}-to-${to}`),
          details: { ...partDetails(part), from, to, interval: report.interval, ...comparison, filter: args.filter },
        };
      },
      options,
    ),
  );
  router.get(
    '/staffing.csv',
    exportHandler(
      'staffing',
      async (ctx, query) => {
        const { date, filter, part } = staffingParameters(query);
        const report = await staffingReport(ctx, date, filter);
        return {
          table: part ? STAFFING_PARTS[part](report, ctx.em) : staffingTable(ctx.em, report),
          fileName: fileName('staffing', part, report.date),
          details: { ...partDetails(part), date: report.date, filter: { ...filter, endingWithinDays: report.endingWithinDays } },
        };
      },
      options,
    ),
  );
  router.get(
    '/safety-audit-report.csv',
    exportHandler(
      'safety-audit-report',
      async (ctx, query) => {
        const args = safetyAuditReportParameters(query);
        const settings = options.safetyAudits ?? {
          ...DEFAULT_SAFETY_AUDIT_SETTINGS,
          programYearStartMonth: options.settings.programYearStartMonth,
        };
        const report = await safetyAuditReport(ctx, args, settings);
        const { from, to } = report.current;
        return {
          table: safetyAuditReportTable(report),
          fileName: fileName('safety-audit-report', undefined, `${from}-to-${to}`),
          details: { from, to, schoolId: args.schoolId },
        };
      },
      options,
    ),
  );
  mountListExports(router, options);
  // Any other path or method under /export: a JSON answer like the rest of the API, not Express's HTML page.
  router.use((request, response) => {
    const exports = ['coverage', 'coverage-period', 'activity', 'staffing', 'safety-audit-report', ...Object.keys(LIST_EXPORTS)].map(
      (list) => `/export/${list}.csv`,
    );
    const message = `There is no export at ${request.method} /export${request.path.slice(0, 200)}: the exports are GET ${exports.join(', ')}`;
    options.pipeline.fail(response, new DomainError(ErrorCode.NOT_FOUND, message));
  });
  return router;
}
