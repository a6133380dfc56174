import { ref } from '@mikro-orm/core';
import { Role } from '../../common/actor';
import { audit, snapshot } from '../../common/audit';
import type { RequestContext } from '../../common/context';
import { findWritable, reference } from '../../common/crud';
import { badInput } from '../../common/errors';
import { requireRole } from '../../common/policy';
import { parseId } from '../../common/validation';
import { Agency } from '../agency/agency.entity';
import { agencyPolicy } from '../agency/agency.policy';
import { Officer } from './officer.entity';
import type { TransferOfficerInput } from './officer.inputs';
import { officerPolicy } from './officer.policy';

/**
 * Moves an officer to another agency from `effectiveDate` (ADMIN only), in one transaction with its audit event.
 * PostgreSQL dates the move in officer_agency_period (migration officer_transfer) from the transaction-local
 * `sro.transfer_on`, and credits the activities on or after that date to the new agency: an activity's agency is
 * always the one its officer served on its date, so a backdated transfer re-credits the work done since.
 * A future date is refused: the move is entered on its day.
 */
export async function transferOfficer(ctx: RequestContext, id: string, input: TransferOfficerInput): Promise<Officer> {
  requireRole(ctx.actor, Role.ADMIN);
  if (input.effectiveDate > ctx.today)
    throw badInput('A transfer takes effect today or earlier', { effectiveDate: [`effectiveDate must be on or before ${ctx.today}`] });
  return ctx.em.transactional(async (em) => {
    const officer = await findWritable(em, ctx, Officer, officerPolicy, parseId(id), 'update');
    const agency = await reference(em, ctx, Agency, agencyPolicy, input.agencyId, 'agencyId');
    const fromAgencyId = officer.agency.id;
    if (fromAgencyId === agency.id) throw badInput('The officer already serves this agency', { agencyId: ['Choose another agency'] });
    const [{ count }] = await em.execute<{ count: number }[]>(
      'select count(*)::int as count from activity where officer_id = ? and date >= ?::date and agency_id <> ?',
      [officer.id, input.effectiveDate, agency.id],
    );
    const before = snapshot(officer);
    await em.execute(`select set_config('sro.transfer_on', ?, true)`, [input.effectiveDate]);
    officer.agency = ref(agency);
    await em.flush();
    // Later moves in this transaction (none today) take effect today again.
    await em.execute(`select set_config('sro.transfer_on', '', true)`);
    audit(em, ctx, {
      action: 'transfer',
      entityType: 'Officer',
      entityId: officer.id,
      before,
      after: snapshot(officer),
      details: { effectiveDate: input.effectiveDate, fromAgencyId, toAgencyId: agency.id, activitiesCredited: count },
    });
    await em.flush();
    return officer;
  });
}
