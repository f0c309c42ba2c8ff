import { Dialog } from '../../components/Dialog';
import type { ItineraryStop } from '../../domain/planning';
import { removeStop, stopRemoval } from './route-actions';

/** Confirm removing a stop: say exactly what goes. */
export function RemoveStopDialog({
  stop,
  legName,
  onClose,
}: {
  stop: ItineraryStop;
  legName?: string;
  onClose: () => void;
}) {
  const { eventIds, legIds } = stopRemoval(stop);
  return (
    <Dialog title={`Remove the stop in ${stop.city.name}?`} onClose={onClose}>
      <p>This deletes:</p>
      <ul>
        {legIds.length > 0 && <li>the leg that brings the principal there{legName ? ` (${legName})` : ''}</li>}
        {stop.events.map((e) => (
          <li key={e.id}>“{e.event.title}”</li>
        ))}
      </ul>
      {eventIds.length + legIds.length > 0 && (
        <p>Any leg that leaves from there is kept: edit its departure place afterwards. You can undo this.</p>
      )}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onClose}>
          Keep the stop
        </button>
        <button
          type="button"
          className="danger"
          onClick={async () => {
            if (await removeStop(stop)) onClose();
          }}
        >
          Remove stop
        </button>
      </div>
    </Dialog>
  );
}
