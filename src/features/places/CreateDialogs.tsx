import { useUiStore } from '../../store/ui-store';
import { NewPlaceDialog } from './NewPlaceDialog';
import { NewVisitDialog } from './NewVisitDialog';
import './places.css';

/** The New visit and New place dialogs, opened from the header or the Route (`openCreate`). */
export function CreateDialogs({ onVisitCreated }: { onVisitCreated: (visitId: string) => void }) {
  const creating = useUiStore((s) => s.creating);
  const close = useUiStore((s) => s.closeCreate);
  if (creating === 'place') return <NewPlaceDialog onClose={close} />;
  if (creating === 'visit')
    return (
      <NewVisitDialog
        onClose={close}
        onCreated={(id) => {
          close();
          onVisitCreated(id);
        }}
      />
    );
  return null;
}
