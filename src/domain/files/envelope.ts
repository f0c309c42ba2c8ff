/**
 * The encrypted backup: a JSON backup sealed with a passphrase through WebCrypto
 * (globalThis.crypto.subtle, in browsers and in Node 20).
 *
 * Passphrase (Unicode NFC, UTF-8) → PBKDF2-HMAC-SHA-256, at least 600,000 iterations, fresh
 * 16-byte salt → 256-bit key → AES-GCM, fresh 12-byte IV, 128-bit tag. The header (format,
 * version, KDF and its parameters, cipher, salt, IV, content type) is authenticated as the
 * AES-GCM additional data, in a canonical serialisation rebuilt from the parsed fields, so a
 * change to any of it, like a change to the ciphertext, fails decryption.
 *
 * Crypto stays at the edges: callers decrypt before validating, and never inside a Dexie
 * transaction (awaiting WebCrypto there would commit it early).
 */
import { z } from 'zod';

export const ENVELOPE_FORMAT = 'summitry-encrypted-backup';
export const ENVELOPE_VERSION = 1;
export const MIN_ITERATIONS = 600_000;
/** Files asking for more are refused, so a crafted file cannot hang the app in key derivation. */
export const MAX_ITERATIONS = 10_000_000;
export const MIN_PASSPHRASE_LENGTH = 8;
export const CONTENT_TYPE = 'application/vnd.summitry.backup+json';

export interface EnvelopeHeader {
  format: typeof ENVELOPE_FORMAT;
  version: typeof ENVELOPE_VERSION;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string };
  cipher: { name: 'AES-GCM'; keyLength: 256; tagLength: 128; iv: string };
  contentType: typeof CONTENT_TYPE;
}

export interface Envelope extends EnvelopeHeader {
  ciphertext: string;
}

export interface CryptoDeps {
  subtle?: SubtleCrypto;
  /** Fills a byte array with random bytes (defaults to crypto.getRandomValues). */
  randomBytes?: (length: number) => Uint8Array<ArrayBuffer>;
}

export interface KdfPolicy {
  /**
   * The fewest PBKDF2 iterations written or read. The app never sets it, so the floor is
   * MIN_ITERATIONS (600,000) whatever a file says; only tests lower it, to keep key derivation
   * fast, and a file sealed that way is refused by every reader that does not lower it too.
   */
  minIterations?: number;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const b64 = (what: string, min: number, max: number) =>
  z
    .string({ error: `${what} must be base64 text` })
    .regex(BASE64, `${what} is not valid base64`)
    .refine((s) => {
      const n = (s.length / 4) * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);
      return n >= min && n <= max;
    }, `${what} has the wrong length`)
    .refine(isCanonicalBase64, `${what} is not canonical base64 (its unused padding bits are set)`);

/**
 * Strict base64: the text must be exactly what encoding its bytes gives back, so the unused low
 * bits of the last character before padding must be zero. Otherwise four different last
 * characters decode to the same bytes, and "one changed bit anywhere fails" would not be true.
 */
function isCanonicalBase64(text: string): boolean {
  try {
    return toBase64(fromBase64(text)) === text;
  } catch {
    return false;
  }
}

/** The policy's floor: MIN_ITERATIONS unless a test asks for less. */
function floorOf(policy: KdfPolicy): number {
  const floor = policy.minIterations ?? MIN_ITERATIONS;
  if (!Number.isInteger(floor) || floor < 1 || floor > MAX_ITERATIONS)
    throw new RangeError(`minIterations must be a whole number from 1 to ${MAX_ITERATIONS}.`);
  return floor;
}

const envelopeSchema = (minIterations: number) =>
  z.object({
    format: z.literal(ENVELOPE_FORMAT),
    version: z.literal(ENVELOPE_VERSION, { error: `version must be ${ENVELOPE_VERSION}` }),
    kdf: z.object({
      name: z.literal('PBKDF2', { error: 'kdf.name must be PBKDF2' }),
      hash: z.literal('SHA-256', { error: 'kdf.hash must be SHA-256' }),
      iterations: z
        .number({ error: 'kdf.iterations must be a number' })
        .int('kdf.iterations must be a whole number')
        .min(minIterations, `kdf.iterations must be at least ${minIterations}`)
        .max(MAX_ITERATIONS, `kdf.iterations may be at most ${MAX_ITERATIONS}`),
      salt: b64('kdf.salt', 16, 64),
    }),
    cipher: z.object({
      name: z.literal('AES-GCM', { error: 'cipher.name must be AES-GCM' }),
      keyLength: z.literal(256, { error: 'cipher.keyLength must be 256' }),
      tagLength: z.literal(128, { error: 'cipher.tagLength must be 128' }),
      iv: b64('cipher.iv', 12, 12),
    }),
    contentType: z.literal(CONTENT_TYPE, { error: `contentType must be ${CONTENT_TYPE}` }),
    ciphertext: b64('ciphertext', 16, Number.MAX_SAFE_INTEGER),
  });

/** The additional authenticated data: the header, in a fixed field order. */
function canonicalHeader(h: EnvelopeHeader): Uint8Array<ArrayBuffer> {
  const canonical = {
    format: h.format,
    version: h.version,
    kdf: { name: h.kdf.name, hash: h.kdf.hash, iterations: h.kdf.iterations, salt: h.kdf.salt },
    cipher: { name: h.cipher.name, keyLength: h.cipher.keyLength, tagLength: h.cipher.tagLength, iv: h.cipher.iv },
    contentType: h.contentType,
  };
  return new TextEncoder().encode(JSON.stringify(canonical));
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function deriveKey(
  subtle: SubtleCrypto,
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  usage: KeyUsage,
): Promise<CryptoKey> {
  const material = await subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

const defaultSubtle = () => globalThis.crypto.subtle;
const defaultRandom = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));

/**
 * Seal `plaintext` (the backup's JSON text) with `passphrase`. Fresh salt and IV every call.
 * Returns the envelope as JSON text. Throws a RangeError for a passphrase under 8 characters or
 * fewer iterations than the policy's floor (600,000).
 */
export async function encryptBackup(
  plaintext: string,
  passphrase: string,
  options: CryptoDeps & KdfPolicy & { iterations?: number } = {},
): Promise<string> {
  const floor = floorOf(options);
  const iterations = options.iterations ?? MIN_ITERATIONS;
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new RangeError(`The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long.`);
  if (!Number.isInteger(iterations) || iterations < floor || iterations > MAX_ITERATIONS)
    throw new RangeError(`Iterations must be a whole number from ${floor} to ${MAX_ITERATIONS}.`);
  const subtle = options.subtle ?? defaultSubtle();
  const random = options.randomBytes ?? defaultRandom;
  const salt = random(16);
  const iv = random(12);
  const header: EnvelopeHeader = {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', keyLength: 256, tagLength: 128, iv: toBase64(iv) },
    contentType: CONTENT_TYPE,
  };
  const key = await deriveKey(subtle, passphrase, salt, iterations, 'encrypt');
  const sealed = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: canonicalHeader(header), tagLength: 128 },
    key,
    new TextEncoder().encode(plaintext),
  );
  const envelope: Envelope = { ...header, ciphertext: toBase64(new Uint8Array(sealed)) };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export type DecryptResult = { ok: true; plaintext: string } | { ok: false; error: string };

export const WRONG_PASSPHRASE =
  'The backup could not be decrypted: the passphrase is wrong, or the file was changed or damaged after it was written.';

/**
 * Open an envelope written by `encryptBackup`. The file names its own iteration count; one under
 * the policy's floor (600,000 unless a test lowers it) is refused before any key is derived.
 * Never throws for a bad file or passphrase; every failure is a message.
 */
export async function decryptBackup(
  text: string,
  passphrase: string,
  options: CryptoDeps & KdfPolicy = {},
): Promise<DecryptResult> {
  const floor = floorOf(options);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, error: 'The encrypted backup is damaged: it is no longer valid JSON.' };
  }
  const parsed = envelopeSchema(floor).safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    const detail =
      first.code === 'invalid_type' && first.input === undefined ? `${first.path.join('.')} is missing` : first.message;
    return { ok: false, error: `The encrypted backup's header is damaged or not supported: ${detail}.` };
  }
  const env = parsed.data as Envelope;
  const subtle = options.subtle ?? defaultSubtle();
  let key: CryptoKey;
  try {
    key = await deriveKey(subtle, passphrase, fromBase64(env.kdf.salt), env.kdf.iterations, 'decrypt');
  } catch (err) {
    return { ok: false, error: `The key could not be derived (${err instanceof Error ? err.message : String(err)}).` };
  }
  try {
    const opened = await subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(env.cipher.iv), additionalData: canonicalHeader(env), tagLength: 128 },
      key,
      fromBase64(env.ciphertext),
    );
    return { ok: true, plaintext: new TextDecoder('utf-8', { fatal: true }).decode(opened) };
  } catch {
    return { ok: false, error: WRONG_PASSPHRASE };
  }
}
