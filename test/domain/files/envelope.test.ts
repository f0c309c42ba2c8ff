import { describe, expect, it } from 'vitest';
import { decryptBackup, encryptBackup, MIN_ITERATIONS, WRONG_PASSPHRASE } from '../../../src/domain/files/envelope';

const PLAINTEXT = JSON.stringify({ format: 'summitry-backup', note: 'Beijing 北京 — 🎉' });
const PASS = 'correct horse battery staple';

describe('encrypted backup (PBKDF2-SHA-256 → AES-256-GCM)', () => {
  it('opens with the right passphrase; each file has a fresh salt and IV; the header names the KDF and its parameters', async () => {
    const a = await encryptBackup(PLAINTEXT, PASS);
    const b = await encryptBackup(PLAINTEXT, PASS);
    const ha = JSON.parse(a);
    const hb = JSON.parse(b);
    expect(ha).toMatchObject({
      format: 'summitry-encrypted-backup',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 },
      cipher: { name: 'AES-GCM', keyLength: 256, tagLength: 128 },
    });
    expect(atob(ha.kdf.salt)).toHaveLength(16);
    expect(atob(ha.cipher.iv)).toHaveLength(12);
    expect(ha.kdf.salt).not.toBe(hb.kdf.salt);
    expect(ha.cipher.iv).not.toBe(hb.cipher.iv);
    expect(ha.ciphertext).not.toBe(hb.ciphertext);
    expect(a).not.toContain('Beijing');
    expect(await decryptBackup(a, PASS)).toEqual({ ok: true, plaintext: PLAINTEXT });
  });

  it('a wrong passphrase fails with a clear message', async () => {
    const sealed = await encryptBackup(PLAINTEXT, PASS);
    expect(await decryptBackup(sealed, 'correct horse battery stapler')).toEqual({
      ok: false,
      error: WRONG_PASSPHRASE,
    });
  });

  it('one flipped bit anywhere — ciphertext, tag, salt, IV, iterations — fails with a clear message', async () => {
    const sealed = await encryptBackup(PLAINTEXT, PASS);
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
      expect(await decryptBackup(JSON.stringify(v), PASS)).toEqual({ ok: false, error: WRONG_PASSPHRASE });
    }
  });

  it('a flipped bit in the file text fails with a message, never with a wrong plaintext', async () => {
    const sealed = await encryptBackup(PLAINTEXT, PASS);
    const bytes = new TextEncoder().encode(sealed);
    const ct = sealed.indexOf('"ciphertext"');
    for (const at of [2, sealed.indexOf('PBKDF2'), sealed.indexOf('"iv"') + 8, ct + 20, bytes.length - 5]) {
      const flipped = bytes.slice();
      flipped[at]! ^= 0b100;
      const result = await decryptBackup(new TextDecoder().decode(flipped), PASS);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toMatch(/^The (backup could not be decrypted|encrypted backup('s header)? is damaged)/);
    }
  });

  it('refuses weak settings: short passphrases, fewer than 600,000 iterations', async () => {
    await expect(encryptBackup(PLAINTEXT, 'short')).rejects.toThrow(/at least 8 characters/);
    await expect(encryptBackup(PLAINTEXT, PASS, { iterations: 1000 })).rejects.toThrow(/600000/);
    const sealed = JSON.parse(await encryptBackup(PLAINTEXT, PASS));
    const weak = await decryptBackup(
      JSON.stringify({ ...sealed, kdf: { ...sealed.kdf, iterations: MIN_ITERATIONS - 1 } }),
      PASS,
    );
    expect(weak).toEqual({
      ok: false,
      error: "The encrypted backup's header is damaged or not supported: kdf.iterations must be at least 600000.",
    });
    const huge = await decryptBackup(JSON.stringify({ ...sealed, kdf: { ...sealed.kdf, iterations: 1e9 } }), PASS);
    expect(!huge.ok && huge.error).toMatch(/at most 10000000/);
  });
});
