import express, { type Request, type Response } from 'express';
import type { GraphQLError, GraphQLSchema } from 'graphql';
import { audit } from '../../common/audit';
import type { Actor } from '../../common/actor';
import type { RequestContext } from '../../common/context';
import { fromDatabaseError } from '../../common/database-errors';
import { DomainError, ErrorCode, unauthenticated } from '../../common/errors';
import { startRequestTransaction } from '../../common/row-security';
import type { Logger } from '../../logger';
import { ACTIVITY_PARTS, activityTable } from './activity-report.csv';
import { activityReport, type ReportSettings } from './activity-report.service';
import { COVERAGE_PARTS, coverageTable } from './coverage-report.csv';
import { coverageReport } from './coverage-report.service';
import { cells, CsvWriter, type CsvTable } from './csv';
import { activityParameters, coverageParameters, staffingParameters, type QueryParameters } from './report.params';
import { LIST_EXPORTS, mountListExports } from './list-exports';
import { STAFFING_PARTS, staffingTable } from './staffing-report.csv';
import { safetyAuditReportParameters, safetyAuditReportTable } from '../safety-audit/safety-audit-report.csv';
import { safetyAuditReport, type SafetyAuditReportSettings } from '../safety-audit/safety-audit-report.service';
import { DEFAULT_SAFETY_AUDIT_SETTINGS } from '../safety-audit/corrective-action.service';
import { staffingReport } from './staffing-report.service';

export interface ExportOptions {
  /** The same request context /graphql builds: the actor comes from the session cookie or the bearer token. */
  context(request: Request, response: Response): Promise<RequestContext>;
  settings: ReportSettings;
  /** AUDIT_CYCLE_MONTHS and ACTION_DUE_DAYS_*, for /safety-audit-report.csv; the defaults when left out. */
  safetyAudits?: SafetyAuditReportSettings;
  /** The same time limit a GraphQL request's statements get (REQUEST_TIMEOUT_MS). */
  statementTimeoutMs: number;
  log: Logger;
  /** The API's schema: a list export reads the GraphQL list itself (list-exports.ts). */
  schema: GraphQLSchema;
  /** What /graphql checks in its variables, and its error mapping (graphql/), for the list exports. */
  checkVariables(variables: Record<string, unknown>): void;
  clientError(error: unknown, requestId: string): GraphQLError;
}

/** A report ready to stream: its table, the download's file name, and what the audit trail records. */
interface Export {
  table: CsvTable;
  fileName: string;
  details: Record<string, unknown>;
}

type Build = (ctx: RequestContext, query: QueryParameters) => Promise<Export>;

// HTTP statuses of the error codes an export can meet (keyed by the code's text).
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  TIMEOUT: 503,
};

/** Field names as the client wrote them: `agencyId` for a query parameter, where the service says `filter.agencyId`. */
function asParameters(fields: unknown): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries((fields ?? {}) as Record<string, string[]>).map(([field, messages]) => [field.replace(/^filter\./, ''), messages]),
  );
}

function fail(response: Response, error: unknown, log: Logger): void {
  const requestId = response.locals.requestId as string;
  if (response.headersSent) {
    // Too late for a status: cut the download short so that the client sees it is incomplete.
    log.warn({ err: error, requestId }, 'export interrupted');
    response.destroy();
    return;
  }
  // Domain errors, and database errors that mean something to the client, keep their code; the rest is masked.
  const known = error instanceof DomainError ? error : fromDatabaseError(error);
  const status = known && ((known.extensions.http as { status?: number } | undefined)?.status ?? STATUS[known.code]);
  if (known && status) {
    const { code } = known;
    const extensions = code === ErrorCode.BAD_USER_INPUT ? { code, fields: asParameters(known.extensions.fields) } : { code };
    if (code === ErrorCode.UNAUTHENTICATED) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(status).json({ errors: [{ message: known.message, extensions }] });
    return;
  }
  log.error({ err: error, requestId }, 'export failed');
  response
    .status(500)
    .json({ errors: [{ message: `Internal server error (request ${requestId})`, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
}

/**
 * Runs `work` in a short transaction under the actor's row security, as /graphql does. Each CSV section gets its
 * own, so that no connection is held while a slow client reads what was already written.
 */
async function underRowSecurity<T>(ctx: RequestContext, actor: Actor, statementTimeoutMs: number, work: () => Promise<T> | T): Promise<T> {
  await ctx.em.begin();
  try {
    await startRequestTransaction(ctx.em, actor, statementTimeoutMs);
    const result = await work();
    await ctx.em.commit();
    return result;
  } catch (error) {
    await ctx.em.rollback().catch(() => undefined);
    throw error;
  }
}

/**
 * Checks the caller and the parameters and builds the report (any error so far is an HTTP status with a JSON
 * body), records the export in the audit trail (committed before the first byte), then streams the CSV: each
 * section is computed, written, and waited on when the client reads slowly, before the next one is computed.
 */
function exportHandler(name: string, build: Build, options: ExportOptions) {
  return async (request: Request, response: Response) => {
    try {
      const ctx = await options.context(request, response);
      const actor = ctx.actor;
      if (!actor) throw unauthenticated();
      const { table, fileName } = await underRowSecurity(ctx, actor, options.statementTimeoutMs, async () => {
        const built = await build(ctx, request.query as QueryParameters);
        audit(ctx.em, ctx, { action: 'export', entityType: 'Report', entityId: name, details: { report: name, ...built.details } });
        await ctx.em.flush();
        return built;
      });

      response.status(200);
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      const writer = new CsvWriter(response);
      await writer.line(table.columns);
      for (const section of table.sections) {
        for (const row of await underRowSecurity(ctx, actor, options.statementTimeoutMs, section))
          await writer.line(cells(table.columns, row));
        await writer.flush();
      }
      response.end();
    } catch (error) {
      fail(response, error, options.log);
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
  mountListExports(router, { ...options, fail: (response, error) => fail(response, error, options.log) });
  // Any other path or method under /export: a JSON answer like the rest of the API, not Express's HTML page.
  router.use((request, response) => {
    response.status(404).json({
      errors: [
        {
          message: `There is no export at ${request.method} /export${request.path.slice(0, 200)}: the exports are GET /export/coverage.csv, /export/activity.csv, /export/staffing.csv, /export/safety-audit-report.csv and ${Object.keys(
            LIST_EXPORTS,
          )
            .map((list) => `/export/${list}.csv`)
            .join(', ')}`,
          extensions: { code: ErrorCode.NOT_FOUND },
        },
      ],
    });
  });
  return router;
}
