import { ItemDetails } from './ItemDetails';

/** Said in place of an item's dialog when the item is gone (deleted here or in another tab). */
export function ItemMissing({
  title = 'Item not found',
  message = 'This item no longer exists. It may have been deleted in another tab.',
  onClose,
}: {
  title?: string;
  message?: string;
  onClose: () => void;
}) {
  return <ItemDetails title={title} lead={<p>{message}</p>} rows={[]} onClose={onClose} />;
}
