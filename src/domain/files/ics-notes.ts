import type { Zone } from './ics-zones';

/** What an import tells the user besides the events it left out: one sentence per kind, with examples. */

type Kind = 'floating' | 'no-end' | 'truncated' | 'ignored' | 'no-uid' | 'duplicate';

const MAX_LINE_NOTES = 20;

export class ReadNotes {
  private kinds = new Map<Kind, Set<string>>();
  private zones = new Map<string, string>();
  private lines: string[] = [];
  private moreLines = 0;
  private anyRepeat = false;

  constructor(
    private readonly window: { from: string; to: string },
    private readonly maxOccurrences: number,
    private readonly floatingZone: () => string = () => 'your display zone',
  ) {}

  add(kind: Kind, example: string) {
    const set = this.kinds.get(kind) ?? new Set<string>();
    set.add(example);
    this.kinds.set(kind, set);
  }

  line(text: string) {
    if (this.lines.length < MAX_LINE_NOTES) this.lines.push(text);
    else this.moreLines++;
  }

  zone(how: NonNullable<Zone['how']>, tzid: string, iana: string | undefined, label: string) {
    if (this.zones.has(tzid)) return;
    const name = `"${tzid.slice(0, 60)}"`;
    if (how === 'vtimezone')
      this.zones.set(
        tzid,
        `${name} matches no known zone; its times were read with the offsets the file defines (first seen in ${label})`,
      );
    else if (how === 'named-over-vtimezone')
      this.zones.set(tzid, `${name}: the file's definition matches no known zone, so it was read as ${iana}`);
    else if (how === 'vtimezone-iana')
      this.zones.set(tzid, `${name} was read as ${iana}, whose rules the file's definition matches`);
    else this.zones.set(tzid, `${name} was read as ${iana}`);
  }

  repeated() {
    this.anyRepeat = true;
  }

  list(): string[] {
    const out: string[] = [];
    const examples = (list: string[]) =>
      `${list.slice(0, 3).join('; ')}${list.length > 3 ? `; and ${list.length - 3} more` : ''}`;
    const d = (iso: string) => iso.slice(0, 10);
    if (this.anyRepeat)
      out.push(
        `Repeating events were imported for their occurrences from ${d(this.window.from)} to ${d(this.window.to)} (one year back to two years ahead).`,
      );
    if (this.zones.size) out.push(`Time zones: ${[...this.zones.values()].join('; ')}.`);
    for (const [kind, set] of this.kinds) {
      const list = [...set];
      const events = `${list.length} event${list.length === 1 ? '' : 's'}`;
      const text: Record<Kind, string> = {
        floating: `${events} had times with no time zone ("floating"); they were read as ${this.floatingZone()} time: ${examples(list)}.`,
        'no-end': `${events} had no end; a timed one was given 30 minutes and a dated one one day: ${examples(list)}.`,
        truncated: `Repeating events were cut at ${this.maxOccurrences} occurrences: ${examples(list)}.`,
        ignored: `Not imported (not events): ${examples(list)}.`,
        'no-uid': `${events} had no UID; importing the file again will add them again: ${examples(list)}.`,
        duplicate: `${events} appeared more than once with the same UID; the copy with the highest SEQUENCE (or the later one) was kept: ${examples(list)}.`,
      };
      out.push(text[kind]);
    }
    for (const l of this.lines) out.push(l);
    if (this.moreLines) out.push(`And ${this.moreLines} more lines or values were ignored.`);
    return out;
  }
}
