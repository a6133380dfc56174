import { Create, SimpleForm } from 'react-admin';
import { useNamedSuccess } from '../common/useNamedSuccess';
import { TipInputs } from './TipInputs';

export function TipCreate() {
  const named = useNamedSuccess('created', 'show');
  return (
    <Create mutationOptions={named}>
      <SimpleForm defaultValues={{ source: 'SAFE2TELL', lifeSafety: false }}>
        <TipInputs />
      </SimpleForm>
    </Create>
  );
}
