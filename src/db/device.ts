/**
 * This browser's device: a random id made once and kept in localStorage (beside the plan database,
 * same origin), and a name in plain words ("Chrome on Linux") for the History panel. The write path
 * stamps the id on every record it writes (`updatedBy`) and on every history entry. Where there is
 * no localStorage (tests in Node, some private modes) the device lives for the session only.
 */
import { cleanLine } from '../domain/model';

export interface Device {
  id: string;
  name: string;
}

const ID_KEY = 'summitry.deviceId';
const NAME_KEY = 'summitry.deviceName';

function storage(): Pick<Storage, 'getItem' | 'setItem'> | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function randomId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return `dev-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** "Firefox on macOS", from the user agent; "This browser" when nothing is known. */
export function describeUserAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X|Macintosh/.test(ua)
        ? 'macOS'
        : /Windows/.test(ua)
          ? 'Windows'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? 'This browser';
}

let current: Device | undefined;

/** This browser's device (the same id on every call, and after a reload where storage allows). */
export function thisDevice(): Device {
  if (current) return current;
  const store = storage();
  let id: string | null = null;
  let name: string | null = null;
  try {
    id = store?.getItem(ID_KEY) ?? null;
    name = store?.getItem(NAME_KEY) ?? null;
  } catch {
    // Storage refused: a session-only device.
  }
  if (!id || !/^dev-[0-9a-f]{8,40}$/.test(id)) {
    id = randomId();
    try {
      store?.setItem(ID_KEY, id);
    } catch {
      // Storage refused: the id lives for this session.
    }
  }
  const described = describeUserAgent(typeof navigator === 'undefined' ? '' : navigator.userAgent);
  current = { id, name: cleanLine(name, described, 60) };
  return current;
}

/** Rename this device (kept with its id). */
export function renameDevice(name: string): Device {
  const clean = cleanLine(name, thisDevice().name, 60);
  current = { ...thisDevice(), name: clean };
  try {
    storage()?.setItem(NAME_KEY, clean);
  } catch {
    // Storage refused: the name lives for this session.
  }
  return current;
}
