/**
 * iCalendar text → a tree of components, line by line, so that one bad line never refuses a
 * file: a line that is not a content line, a property whose name is not a name, text after
 * END:VCALENDAR or a component that is never closed is skipped and reported with its line
 * number; everything else is kept. Values are kept as written (unescaping and typing happen
 * where they are read), because readers of dates must see "20190101" as written.
 *
 * Pure and linear in the length of the text (folded lines are joined with one array join).
 */

export interface IcsProperty {
  /** Upper case, e.g. `DTSTART`. */
  name: string;
  /** Parameter names upper case; values unquoted. */
  params: Readonly<Record<string, string>>;
  /** The value as written (after unfolding), not unescaped. */
  value: string;
  /** 1-based line number where the property starts. */
  line: number;
}

export interface IcsComponent {
  /** Upper case, e.g. `VEVENT`. */
  name: string;
  line: number;
  props: IcsProperty[];
  children: IcsComponent[];
}

export interface LineProblem {
  line: number;
  /** Plain words, without the line number. */
  what: string;
  /** The component the line was in (`VEVENT` …), when any. */
  inside?: IcsComponent;
}

export interface IcsTree {
  calendars: IcsComponent[];
  problems: LineProblem[];
}

const NAME = /^[A-Za-z0-9-]+$/;
const MAX_PROBLEMS_KEPT = 200;

/** Split a content line into name, parameters and value (RFC 5545 §3.1); undefined if it is not one. */
export function splitContentLine(
  text: string,
): { name: string; params: Record<string, string>; value: string } | undefined {
  let i = 0;
  const n = text.length;
  while (i < n && text[i] !== ';' && text[i] !== ':') i++;
  const name = text.slice(0, i).trim();
  if (i >= n || !NAME.test(name)) return undefined;
  const params: Record<string, string> = {};
  while (text[i] === ';') {
    i++;
    const eq = text.indexOf('=', i);
    if (eq < 0) return undefined;
    const key = text.slice(i, eq).trim().toUpperCase();
    if (!NAME.test(key)) return undefined;
    i = eq + 1;
    const parts: string[] = [];
    for (;;) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) return undefined;
        parts.push(text.slice(i + 1, close));
        i = close + 1;
      } else {
        let j = i;
        while (j < n && text[j] !== ';' && text[j] !== ':' && text[j] !== ',') j++;
        parts.push(text.slice(i, j).trim());
        i = j;
      }
      if (text[i] === ',') i++;
      else break;
    }
    params[key] = parts.join(',');
  }
  if (text[i] !== ':') return undefined;
  return { name: name.toUpperCase(), params, value: text.slice(i + 1) };
}

/** Physical lines → logical (unfolded) lines with the number of their first physical line. */
function unfold(text: string): { text: string; line: number }[] {
  const physical = text.split(/\r\n|\n|\r/);
  const out: { text: string; line: number }[] = [];
  let parts: string[] = [];
  let start = 0;
  const flush = () => {
    if (parts.length) out.push({ text: parts.length === 1 ? parts[0]! : parts.join(''), line: start });
    parts = [];
  };
  for (let k = 0; k < physical.length; k++) {
    const l = physical[k]!;
    if ((l.startsWith(' ') || l.startsWith('\t')) && parts.length) parts.push(l.slice(1));
    else {
      flush();
      if (l.length) {
        parts = [l];
        start = k + 1;
      }
    }
  }
  flush();
  return out;
}

/** Text properties whose value may run on over a line that lost its folding space. */
const RUN_ON = new Set(['DESCRIPTION', 'SUMMARY', 'LOCATION', 'COMMENT']);

/** Read the text into VCALENDAR trees; never throws. */
export function readTree(input: string): IcsTree {
  const lines = unfold(input.replace(/^\uFEFF/, ''));
  const calendars: IcsComponent[] = [];
  const problems: LineProblem[] = [];
  let dropped = 0;
  const problem = (p: LineProblem) => {
    if (problems.length < MAX_PROBLEMS_KEPT) problems.push(p);
    else dropped++;
  };
  const stack: IcsComponent[] = [];
  let afterEnd = 0;
  let afterEndLine = 0;
  let runOn: IcsProperty | undefined;
  for (const { text, line } of lines) {
    const top = stack[stack.length - 1];
    const previous = runOn;
    runOn = undefined;
    const begin = /^BEGIN:([A-Za-z0-9-]+)\s*$/i.exec(text);
    const end = /^END:([A-Za-z0-9-]+)\s*$/i.exec(text);
    if (begin) {
      const comp: IcsComponent = { name: begin[1]!.toUpperCase(), line, props: [], children: [] };
      if (top) top.children.push(comp);
      else if (comp.name === 'VCALENDAR') calendars.push(comp);
      else {
        problem({ line, what: `a ${comp.name} outside any VCALENDAR was left out` });
        stack.push({ ...comp, name: `#${comp.name}` });
        continue;
      }
      stack.push(comp);
      continue;
    }
    if (end) {
      const name = end[1]!.toUpperCase();
      const at = stack.map((c) => c.name.replace(/^#/, '')).lastIndexOf(name);
      if (at < 0) {
        problem({ line, what: `END:${name} closes nothing and was ignored`, inside: top });
        continue;
      }
      for (let k = stack.length - 1; k > at; k--)
        problem({ line: stack[k]!.line, what: `${stack[k]!.name} was never closed (END:${stack[k]!.name} missing)` });
      stack.length = at;
      continue;
    }
    if (!top) {
      if (calendars.length) {
        afterEnd++;
        afterEndLine ||= line;
      } else problem({ line, what: 'text before BEGIN:VCALENDAR was ignored' });
      continue;
    }
    if (top.name.startsWith('#')) continue;
    const parsed = splitContentLine(text);
    if (!parsed) {
      if (previous) {
        previous.value += text;
        runOn = previous;
        continue;
      }
      problem({ line, what: `"${clip(text)}" is not a property and was ignored`, inside: top });
      continue;
    }
    const prop = { ...parsed, line };
    top.props.push(prop);
    if (RUN_ON.has(prop.name)) runOn = prop;
  }
  for (const open of stack)
    if (!open.name.startsWith('#'))
      problem({ line: open.line, what: `${open.name} was never closed (END:${open.name} missing)` });
  if (afterEnd)
    problem({ line: afterEndLine, what: `${afterEnd} line${afterEnd === 1 ? '' : 's'} after END:VCALENDAR ignored` });
  if (dropped) problem({ line: 0, what: `and ${dropped} more lines like these` });
  return { calendars, problems };
}

export function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export function first(c: IcsComponent, name: string): IcsProperty | undefined {
  return c.props.find((p) => p.name === name);
}

export function all(c: IcsComponent, name: string): IcsProperty[] {
  return c.props.filter((p) => p.name === name);
}

/** A TEXT value unescaped (`\n`, `\,`, `\;`, `\\`). */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** A TEXT list (CATEGORIES) split at unescaped commas. */
export function splitTextList(value: string): string[] {
  return value
    .split(/(?<!\\),/)
    .map((v) => unescapeText(v).trim())
    .filter(Boolean);
}

export function textOf(c: IcsComponent, name: string): string | undefined {
  const p = first(c, name);
  return p ? unescapeText(p.value) : undefined;
}
