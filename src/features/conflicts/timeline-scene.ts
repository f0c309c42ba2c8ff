/** The overlap timeline's drawing constants, its keyboard stops and what its parts share. */
import type { Conflict, ItemRef } from '../../domain/conflicts';
import type { TimelineBar } from '../../domain/layout';

export const LABEL_W = 190;
export const AXIS_H = 40;
export const MARKER_H = 30;
export const ROW_H = 24;
export const LANE_PAD = 6;
export const BAR_H = 18;
export const CHAR_W = 6.6;

/** A focusable thing on the timeline: a bar or a conflict marker. */
export type Stop = { key: string; lane: number; ms: number; bar?: TimelineBar; conflict?: Conflict };

/** What the drawn parts of the timeline share: the x scale, focus and selection. */
export interface TimelineScene {
  pid: string;
  width: number;
  displayZone: string;
  x: (ms: number) => number;
  tabStop: string | undefined;
  activeKey: string | null;
  setActiveKey: (key: string) => void;
  /** Focus the stop with this key (and select it). */
  select: (key: string) => void;
  /** Registers the element of a stop, so keyboard moves can focus it. */
  refFor: (key: string) => (el: SVGGElement | null) => void;
  conflictsById: ReadonlyMap<string, Conflict>;
  acceptedIds: ReadonlySet<string>;
  /** `type:id` of the items of the focused conflict marker. */
  litItems: ReadonlySet<string>;
  onOpenItem: (item: ItemRef) => void;
}

export function truncate(text: string, width: number): string {
  const max = Math.floor((width - 8) / CHAR_W);
  if (max < 3) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
