import { describe, expect, it } from 'vitest';
import { decryptBackup, encryptBackup, MIN_ITERATIONS, WRONG_PASSPHRASE } from '../../../src/domain/files/envelope';

const PLAINTEXT = JSON.stringify({ format: 'summitry-backup', note: 'Beijing 北京 — 🎉' });
const PASS = 'correct horse battery staple';
/**
 * Key derivation at the real 600,000 iterations takes about half a second, and many times that on
 * a busy machine, so every test but one seals and opens with 1,000 iterations, which the codec
 * accepts only when the caller lowers its floor explicitly (the app never does).
 */
const FAST = { iterations: 1_000, minIterations: 1_000 };
const FAST_READER = { minIterations: 1_000 };
/** Two derivations at 600,000 iterations: generous, since a loaded machine can be ten times slower. */
const REAL_KDF_TIMEOUT_MS = 60_000;

describe('encrypted backup (PBKDF2-SHA-256 → AES-256-GCM)', () => {
  it(
    'at the real 600,000 iterations: the header names the KDF and its parameters, and the right passphrase opens it',
    async () => {
      const sealed = await encryptBackup(PLAINTEXT, PASS);
      const header = JSON.parse(sealed);
      expect(header).toMatchObject({
        format: 'summitry-encrypted-backup',
        version: 1,
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
        cipher: { name: 'AES-GCM', keyLength: 256, tagLength: 128 },
      });
      expect(sealed).not.toContain('Beijing');
      expect(await decryptBackup(sealed, PASS)).toEqual({ ok: true, plaintext: PLAINTEXT });
    },
    REAL_KDF_TIMEOUT_MS,
  );

  it('each file has a fresh salt and IV, and the right passphrase opens it', async () => {
    const a = await encryptBackup(PLAINTEXT, PASS, FAST);
    const b = await encryptBackup(PLAINTEXT, PASS, FAST);
    const ha = JSON.parse(a);
    const hb = JSON.parse(b);
    expect(ha.kdf.iterations).toBe(1_000);
    expect(atob(ha.kdf.salt)).toHaveLength(16);
    expect(atob(ha.cipher.iv)).toHaveLength(12);
    expect(ha.kdf.salt).not.toBe(hb.kdf.salt);
    expect(ha.cipher.iv).not.toBe(hb.cipher.iv);
    expect(ha.ciphertext).not.toBe(hb.ciphertext);
    expect(a).not.toContain('Beijing');
    expect(await decryptBackup(a, PASS, FAST_READER)).toEqual({ ok: true, plaintext: PLAINTEXT });
    expect(await decryptBackup(b, PASS, FAST_READER)).toEqual({ ok: true, plaintext: PLAINTEXT });
  });

  it('a wrong passphrase fails with a clear message', async () => {
    const sealed = await encryptBackup(PLAINTEXT, PASS, FAST);
    expect(await decryptBackup(sealed, 'correct horse battery stapler', FAST_READER)).toEqual({
      ok: false,
      error: WRONG_PASSPHRASE,
    });
  });

  it('one flipped bit anywhere — ciphertext, tag, salt, IV, iterations — fails with a clear message', async () => {
    const sealed = await encryptBackup(PLAINTEXT, PASS, FAST);
    const env = JSON.parse(sealed);
    const flipB64 = (b64: string, byte: number, bit: number) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      bytes[byte]! ^= 1 << bit;
      return btoa(String.fromCharCode(...bytes));
    };
    const ctLength = atob(env.ciphertext).length;
    const variants = [
      { ...env, ciphertext: flipB64(env.ciphertext, 0, 0) },
      { ...env, ciphertext: flipB64(env.ciphertext, ctLength - 1, 7) }, // inside the GCM tag
      { ...env, kdf: { ...env.kdf, salt: flipB64(env.kdf.salt, 5, 3) } },
      { ...env, cipher: { ...env.cipher, iv: flipB64(env.cipher.iv, 11, 1) } },
      { ...env, kdf: { ...env.kdf, iterations: env.kdf.iterations ^ 1 } },
    ];
    for (const v of variants) {
      expect(await decryptBackup(JSON.stringify(v), PASS, FAST_READER)).toEqual({ ok: false, error: WRONG_PASSPHRASE });
    }
  });

  it('base64 is decoded strictly: setting the unused padding bits of the last character fails', async () => {
    // 21 bytes of plaintext + the 16-byte tag = 37 bytes: the ciphertext ends in "==", like the 16-byte salt.
    const sealed = await encryptBackup('x'.repeat(21), PASS, FAST);
    const env = JSON.parse(sealed);
    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    /** Set the low bit of the last data character: unused when the text ends in "==" or "=". */
    const flipPadding = (b64: string) => {
      const at = b64.replace(/=+$/, '').length - 1;
      const flipped = ALPHABET[ALPHABET.indexOf(b64[at]!) ^ 1]!;
      const changed = b64.slice(0, at) + flipped + b64.slice(at + 1);
      expect(atob(changed)).toBe(atob(b64)); // the lenient decoder reads the same bytes
      return changed;
    };
    expect(env.ciphertext).toMatch(/==$/);
    expect(env.kdf.salt).toMatch(/==$/);
    expect(await decryptBackup(sealed, PASS, FAST_READER)).toEqual({ ok: true, plaintext: 'x'.repeat(21) });
    for (const v of [
      { ...env, ciphertext: flipPadding(env.ciphertext) },
      { ...env, kdf: { ...env.kdf, salt: flipPadding(env.kdf.salt) } },
    ]) {
      const result = await decryptBackup(JSON.stringify(v), PASS, FAST_READER);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/not canonical base64/);
    }
  });

  it('a flipped bit in the file text fails with a message, never with a wrong plaintext', async () => {
    const sealed = await encryptBackup(PLAINTEXT, PASS, FAST);
    const bytes = new TextEncoder().encode(sealed);
    const ct = sealed.indexOf('"ciphertext"');
    for (const at of [2, sealed.indexOf('PBKDF2'), sealed.indexOf('"iv"') + 8, ct + 20, bytes.length - 5]) {
      const flipped = bytes.slice();
      flipped[at]! ^= 0b100;
      const result = await decryptBackup(new TextDecoder().decode(flipped), PASS, FAST_READER);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toMatch(/^The (backup could not be decrypted|encrypted backup('s header)? is damaged)/);
    }
  });

  it('refuses weak settings: short passphrases, fewer than 600,000 iterations', async () => {
    await expect(encryptBackup(PLAINTEXT, 'short')).rejects.toThrow(/at least 8 characters/);
    await expect(encryptBackup(PLAINTEXT, PASS, { iterations: 1000 })).rejects.toThrow(/600000/);
    await expect(encryptBackup(PLAINTEXT, PASS, { ...FAST, iterations: 999 })).rejects.toThrow(/from 1000/);
    const sealed = JSON.parse(await encryptBackup(PLAINTEXT, PASS, FAST));
    const withIterations = (iterations: number) => JSON.stringify({ ...sealed, kdf: { ...sealed.kdf, iterations } });
    const weak = await decryptBackup(withIterations(MIN_ITERATIONS - 1), PASS);
    expect(weak).toEqual({
      ok: false,
      error: "The encrypted backup's header is damaged or not supported: kdf.iterations must be at least 600000.",
    });
    // The app's reader refuses the tests' own fast files: a file cannot lower the floor.
    expect(await decryptBackup(JSON.stringify(sealed), PASS)).toEqual(weak);
    expect(await decryptBackup(withIterations(999), PASS, FAST_READER)).toEqual({
      ok: false,
      error: "The encrypted backup's header is damaged or not supported: kdf.iterations must be at least 1000.",
    });
    const huge = await decryptBackup(withIterations(1e9), PASS);
    expect(!huge.ok && huge.error).toMatch(/at most 10000000/);
    await expect(decryptBackup(JSON.stringify(sealed), PASS, { minIterations: 0 })).rejects.toThrow(RangeError);
  });
});
