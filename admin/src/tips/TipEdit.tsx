import { Edit, SimpleForm } from 'react-admin';
import { useNamedSuccess } from '../common/useNamedSuccess';
import { TipInputs } from './TipInputs';

/** The assigned officers come back as officerIds (tipOfficerIds below). */
const withOfficerIds = (tip: Record<string, unknown>) => ({
  ...tip,
  officerIds: ((tip.assignedOfficers as { id: string }[] | undefined) ?? []).map((officer) => officer.id),
});

export function TipEdit() {
  const named = useNamedSuccess('saved', 'show');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={named} queryOptions={{ select: withOfficerIds } as never}>
      <SimpleForm>
        <TipInputs edit />
      </SimpleForm>
    </Edit>
  );
}
