import { Edit, SimpleForm } from 'react-admin';
import { useNamedSuccess } from '../common/useNamedSuccess';
import { TipInputs } from './TipInputs';

export function TipEdit() {
  const named = useNamedSuccess('saved', 'show');
  return (
    <Edit mutationMode="pessimistic" mutationOptions={named}>
      <SimpleForm>
        <TipInputs edit />
      </SimpleForm>
    </Edit>
  );
}
