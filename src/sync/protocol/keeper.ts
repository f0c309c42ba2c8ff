/**
 * The checkpoints of one document, for everything that reads or writes it in this session (the
 * protocol session and the app's bridge share it): the newest one opened (once), its background
 * verification, the distrust that follows a lie, and the writer's rule for when to write anew.
 */
import type * as Y from 'yjs';
import {
  type Checkpoint,
  checkpointBytes,
  coverage,
  openCheckpoint,
  verifyCheckpoint,
  writeCheckpoint,
} from './checkpoint';
import type { PlanCipher } from './plan-doc';

/**
 * A writer writes a new checkpoint once its own would cover this many more entries, or a fiftieth
 * of the document (a newcomer then decrypts at most that much; each rewrite costs the plan's size).
 */
export const CHECKPOINT_MIN_GAIN = 500;
/** …or this fraction (1/n) of the document's entries. */
export const CHECKPOINT_SHARE = 50;
/** The origin of the transaction that puts a checkpoint in the document. */
export const CHECKPOINT_ORIGIN = Symbol('checkpoint');

const keepers = new WeakMap<Y.Doc, CheckpointKeeper>();

export class CheckpointKeeper {
  /** Set once a checkpoint lied: checkpoints are ignored from then on in this session. */
  distrusted = false;
  /** The places the lying checkpoint got wrong. */
  lies: string[] = [];
  private opened: { sealed: Uint8Array; checkpoint: Checkpoint | null } | null = null;
  private readonly verifications = new Map<Checkpoint, Promise<string[]>>();
  private readonly liars = new Set<(lies: string[], checkpoint: Checkpoint) => void>();
  private writing: Promise<Checkpoint | null> | null = null;

  private constructor(readonly doc: Y.Doc) {}

  static of(doc: Y.Doc): CheckpointKeeper {
    let keeper = keepers.get(doc);
    if (!keeper) keepers.set(doc, (keeper = new CheckpointKeeper(doc)));
    return keeper;
  }

  /** The newest checkpoint this keyring can open; null when there is none, it cannot be read, or checkpoints lied. */
  async newest(cipher: PlanCipher): Promise<Checkpoint | null> {
    if (this.distrusted) return null;
    const sealed = await checkpointBytes(this.doc, cipher);
    if (!sealed) return null;
    if (this.opened?.sealed !== sealed) this.opened = { sealed, checkpoint: await openCheckpoint(cipher, sealed) };
    return this.distrusted ? null : this.opened.checkpoint;
  }

  /** The checkpoint last opened or written here (not read anew from the document). */
  get latest(): Checkpoint | null {
    return this.opened?.checkpoint ?? null;
  }

  /** Called with the places a checkpoint lied about, once its verification found them. */
  onLies(listener: (lies: string[], checkpoint: Checkpoint) => void): () => void {
    this.liars.add(listener);
    return () => this.liars.delete(listener);
  }

  /** Verifies a checkpoint that was used, in the background (once per checkpoint); resolves to its lies. */
  verify(cipher: PlanCipher, checkpoint: Checkpoint): Promise<string[]> {
    let running = this.verifications.get(checkpoint);
    if (!running) {
      running = verifyCheckpoint(this.doc, cipher, checkpoint).then((lies) => {
        if (lies.length) {
          this.distrusted = true;
          this.lies = lies;
          for (const l of this.liars) l(lies, checkpoint);
        }
        return lies;
      });
      this.verifications.set(checkpoint, running);
    }
    return running;
  }

  /** Every verification started so far, finished; resolves to the places found false. */
  async verified(): Promise<string[]> {
    const all = await Promise.all(this.verifications.values());
    return all.flat();
  }

  /** Writes a checkpoint of what this cipher has opened or sealed, now. */
  write(cipher: PlanCipher): Promise<Checkpoint | null> {
    this.writing ??= writeCheckpoint(this.doc, cipher, CHECKPOINT_ORIGIN)
      .then((written) => {
        if (written) this.opened = { sealed: written.sealed, checkpoint: written };
        return written;
      })
      .finally(() => (this.writing = null));
    return this.writing;
  }

  /**
   * Writes a checkpoint when the one in the document is under an older key, or when this
   * writer's would cover enough more entries (CHECKPOINT_MIN_GAIN or a fiftieth of the document).
   */
  async maybeWrite(cipher: PlanCipher): Promise<Checkpoint | null> {
    const current = await this.newest(cipher);
    const { total, uncovered, known } = coverage(this.doc, current, cipher);
    const covered = total - uncovered;
    const rotated = !!current && current.epoch < cipher.epoch && known > 0 && known >= covered;
    if (!rotated && known - covered <= Math.max(CHECKPOINT_MIN_GAIN, total / CHECKPOINT_SHARE)) return null;
    return this.write(cipher);
  }
}
