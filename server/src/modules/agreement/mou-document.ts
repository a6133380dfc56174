import type { EntityManager } from '@mikro-orm/postgresql';
import express, { type Request, type Response } from 'express';
import { Role } from '../../common/actor';
import type { RequestContext } from '../../common/context';
import { badInput, notFound } from '../../common/errors';
import type { RequestPipeline } from '../../common/request-pipeline';
import { requireRole } from '../../common/policy';
import { parseId } from '../../common/validation';
import { csvDownload } from '../report/csv';
import { buildCostShareReport } from './cost-share.resolver';
import { mouDocumentPolicy, mouPolicy } from './mou.policy';

/** The largest signed PDF kept: 10 MiB (also a check constraint of mou_document). */
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

const HEADER = Buffer.from('%PDF-');
const TRAILER = Buffer.from('%%EOF');
/** A PDF ends with %%EOF, possibly followed by line ends or a little padding: it is looked for in the last kilobyte. */
const TRAILER_WINDOW = 1024;

/** Why `bytes` is not a PDF we keep, or null when it is one: the %PDF- header and the %%EOF trailer, at most 10 MiB. */
export function pdfProblem(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'The file is empty';
  if (bytes.length > MAX_PDF_BYTES) return `The file is larger than ${MAX_PDF_BYTES} bytes (10 MB)`;
  if (!bytes.subarray(0, HEADER.length).equals(HEADER)) return 'The file is not a PDF: it does not start with %PDF-';
  if (!bytes.subarray(Math.max(0, bytes.length - TRAILER_WINDOW)).includes(TRAILER))
    return 'The file is not a PDF: it has no %%EOF trailer';
  return null;
}

/** Size and upload time of an agreement's PDF, as row security lets the request's actor see it; null when none. */
export async function readDocumentInfo(em: EntityManager, mouId: number): Promise<{ size: number; uploadedAt: Date } | null> {
  const [row] = await em.execute<{ size: number; uploaded_at: Date }[]>(
    'select octet_length(content) as size, uploaded_at from mou_document where mou_id = ?',
    [mouId],
  );
  return row ? { size: Number(row.size), uploadedAt: new Date(row.uploaded_at) } : null;
}

export interface MouDocumentRouteOptions {
  context(request: Request, response: Response): RequestContext;
  pipeline: RequestPipeline;
}

/** The agreement `id` as the actor may see it, with its agency; NOT_FOUND otherwise (another agency's, or none). */
async function visibleMou(ctx: RequestContext, id: number): Promise<{ agency_id: number }> {
  const actor = requireRole(ctx.actor, ...mouDocumentPolicy.readers);
  const [row] = await ctx.em.execute<{ agency_id: number }[]>('select agency_id from mou where id = ?', [id]);
  if (!row || !mouPolicy.rules(actor.role).read?.holds?.(actor, { agencyId: row.agency_id })) throw notFound('Mou', id);
  return row;
}

/**
 * /files/mou/<id>.pdf: GET downloads an agreement's signed PDF, PUT (body: the PDF's bytes, any content type)
 * replaces it. Both go through the one request pipeline: authentication, a transaction under the actor's row
 * security, and errors in GraphQL's shape. ADMIN any agreement; a chief its own agency's; others FORBIDDEN.
 */
export function mouDocumentRouter({ context, pipeline }: MouDocumentRouteOptions): express.Router {
  const router = express.Router();
  const path = '/mou/:id.pdf';

  router.get(path, async (request, response) => {
    try {
      const ctx = context(request, response);
      const id = parseId(request.params.id);
      const content = await pipeline.transaction(ctx, async () => {
        await visibleMou(ctx, id);
        const [row] = await ctx.em.execute<{ content: Buffer }[]>('select content from mou_document where mou_id = ?', [id]);
        if (!row) throw notFound('MouDocument', id);
        return row.content;
      });
      response
        .status(200)
        .set({
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="mou-${id}.pdf"`,
          'Cache-Control': 'private, no-store',
        })
        .end(content);
    } catch (error) {
      pipeline.fail(response, error);
    }
  });

  router.put(path, express.raw({ type: () => true, limit: MAX_PDF_BYTES }), async (request, response) => {
    try {
      const ctx = context(request, response);
      const id = parseId(request.params.id);
      const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const size = await pipeline.transaction(ctx, async () => {
        const { agency_id: agencyId } = await visibleMou(ctx, id);
        const actor = requireRole(ctx.actor, ...mouDocumentPolicy.writers);
        if (!mouDocumentPolicy.allowsFacts(actor, 'update', { agencyId }, ctx.today)) throw notFound('Mou', id);
        const problem = pdfProblem(bytes);
        if (problem) throw badInput(problem, { file: [problem] });
        await ctx.em.execute(
          `insert into mou_document (mou_id, content, uploaded_at) values (?, ?, now())
           on conflict (mou_id) do update set content = excluded.content, uploaded_at = excluded.uploaded_at`,
          [id, bytes],
        );
        return bytes.length;
      });
      response.status(200).json({ data: { mouId: String(id), size } });
    } catch (error) {
      pipeline.fail(response, error);
    }
  });

  // The invoice as CSV: /files/cost-share.csv?agencyId=&from=&to= (the columns of costShareReport's lines, then totals).
  router.get('/cost-share.csv', async (request, response) => {
    try {
      const ctx = context(request, response);
      const text = (name: string) => (typeof request.query[name] === 'string' ? (request.query[name] as string) : '');
      const report = await pipeline.transaction(ctx, async () => {
        requireRole(ctx.actor, Role.ADMIN, Role.ANALYST, Role.AGENCY_CHIEF);
        const built = await buildCostShareReport(ctx, text('agencyId'), text('from'), text('to'));
        if (!built) throw notFound('Agency', text('agencyId'));
        return built;
      });
      const writer = csvDownload(response, `cost-share-${report.agencyId}-${report.from}-${report.to}.csv`);
      const columns = [
        'officerId',
        'officerName',
        'rank',
        'month',
        'firstDay',
        'lastDay',
        'instructionalDays',
        'nonInstructionalDays',
        'hours',
        'rate',
        'gross',
        'districtShare',
        'agencyShare',
      ] as const;
      await writer.line([...columns]);
      for (const line of report.lines) await writer.line(columns.map((column) => line[column]));
      const { totals } = report;
      await writer.line(['TOTAL', '', '', '', '', '', '', '', totals.hours, '', totals.gross, totals.districtShare, totals.agencyShare]);
      await writer.flush();
      response.end();
    } catch (error) {
      pipeline.fail(response, error);
    }
  });

  // A body over 10 MB is refused like any other file that is not one we keep.
  router.use((error: { type?: string }, _request: Request, response: Response, next: (error: unknown) => void) => {
    if (error.type === 'entity.too.large') {
      const message = `The file is larger than ${MAX_PDF_BYTES} bytes (10 MB)`;
      pipeline.fail(response, badInput(message, { file: [message] }));
      return;
    }
    next(error);
  });
  return router;
}
