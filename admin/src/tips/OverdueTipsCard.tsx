import { Link } from 'react-router-dom';
import { DashboardCard } from '../dashboard/DashboardCard';
import { useReport } from '../reports/useReport';
import { OVERDUE_TIPS, type TipPage } from './tipQueries';
import { TipTable } from './TipTable';

/** The dashboard's overdue tips: open, no first action, past the deadline (the oldest five, and how many in all). */
export function OverdueTipsCard() {
  const overdue = useReport<{ tips: TipPage }>(OVERDUE_TIPS, {});
  const count = overdue.data?.tips.totalCount ?? 0;
  return (
    <DashboardCard title={`Overdue tips${overdue.data ? `: ${count}` : ''}`} isPending={overdue.isPending} error={overdue.error}>
      <TipTable tips={overdue.data?.tips.items ?? []} label="Overdue tips" />
      {count > 0 && <Link to="/tips">The tip queue</Link>}
    </DashboardCard>
  );
}
