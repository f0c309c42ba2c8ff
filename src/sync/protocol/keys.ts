/**
 * Key pairs and key wrapping (WebCrypto, P-256). Each member holds an ECDSA key pair (signing:
 * membership, claims, connection proofs) and an ECDH key pair (receiving plan keys). A plan key
 * is wrapped for a member with a fresh ephemeral ECDH key → HKDF-SHA-256 → AES-256-GCM, the
 * context (plan, recipient) bound as additional data. Public keys travel as raw points, base64url.
 */
import { type Bytes, concat, fromB64u, randomBytes, sha256, toB64u, utf8 } from './bytes';

const subtle = globalThis.crypto.subtle;
const SIGN = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const DH = { name: 'ECDH', namedCurve: 'P-256' } as const;

export interface MemberKeys {
  signPrivate: CryptoKey;
  dhPrivate: CryptoKey;
  /** Raw public points, base64url. */
  signPub: string;
  dhPub: string;
}

/** A key pair set as text (PKCS #8 private keys, base64url): for an invitation or a key file. */
export interface SerializedKeys {
  signPrivate: string;
  dhPrivate: string;
  signPub: string;
  dhPub: string;
}

export interface WrappedKey {
  ephemeralPub: string;
  iv: string;
  ciphertext: string;
}

export async function generateMemberKeys(): Promise<MemberKeys> {
  const sign = (await subtle.generateKey(SIGN, true, ['sign', 'verify'])) as CryptoKeyPair;
  const dh = (await subtle.generateKey(DH, true, ['deriveBits'])) as CryptoKeyPair;
  return {
    signPrivate: sign.privateKey,
    dhPrivate: dh.privateKey,
    signPub: toB64u(new Uint8Array(await subtle.exportKey('raw', sign.publicKey))),
    dhPub: toB64u(new Uint8Array(await subtle.exportKey('raw', dh.publicKey))),
  };
}

export async function serializeKeys(keys: MemberKeys): Promise<SerializedKeys> {
  return {
    signPrivate: toB64u(new Uint8Array(await subtle.exportKey('pkcs8', keys.signPrivate))),
    dhPrivate: toB64u(new Uint8Array(await subtle.exportKey('pkcs8', keys.dhPrivate))),
    signPub: keys.signPub,
    dhPub: keys.dhPub,
  };
}

export async function deserializeKeys(text: SerializedKeys): Promise<MemberKeys> {
  return {
    signPrivate: await subtle.importKey('pkcs8', fromB64u(text.signPrivate), SIGN, true, ['sign']),
    dhPrivate: await subtle.importKey('pkcs8', fromB64u(text.dhPrivate), DH, true, ['deriveBits']),
    signPub: text.signPub,
    dhPub: text.dhPub,
  };
}

/** A member's id: the first 16 bytes of SHA-256 of their signing public key, base64url. */
export async function memberIdOf(signPub: string): Promise<string> {
  return toB64u((await sha256(fromB64u(signPub))).subarray(0, 16));
}

export async function signText(privateKey: CryptoKey, text: string): Promise<string> {
  return toB64u(new Uint8Array(await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, utf8(text))));
}

/** True when `signature` is a valid ECDSA P-256 signature of `text` by `signPub`; false on any bad input. */
export async function verifyText(signPub: string, text: string, signature: string): Promise<boolean> {
  try {
    const key = await subtle.importKey('raw', fromB64u(signPub), SIGN, false, ['verify']);
    return await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromB64u(signature), utf8(text));
  } catch {
    return false;
  }
}

async function wrappingKey(privateKey: CryptoKey, publicRaw: string, context: string): Promise<CryptoKey> {
  const peer = await subtle.importKey('raw', fromB64u(publicRaw), DH, false, []);
  const shared = await subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256);
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: utf8(`summitry-wrap/v1\n${context}`) },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Encrypts `secret` so that only the holder of the private half of `recipientDhPub` can read it. */
export async function wrapFor(recipientDhPub: string, secret: Bytes, context: string): Promise<WrappedKey> {
  const ephemeral = (await subtle.generateKey(DH, true, ['deriveBits'])) as CryptoKeyPair;
  const key = await wrappingKey(ephemeral.privateKey, recipientDhPub, context);
  const iv = randomBytes(12);
  const sealed = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(context) }, key, secret);
  return {
    ephemeralPub: toB64u(new Uint8Array(await subtle.exportKey('raw', ephemeral.publicKey))),
    iv: toB64u(iv),
    ciphertext: toB64u(new Uint8Array(sealed)),
  };
}

export async function unwrapWith(dhPrivate: CryptoKey, wrapped: WrappedKey, context: string): Promise<Bytes> {
  const key = await wrappingKey(dhPrivate, wrapped.ephemeralPub, context);
  const opened = await subtle.decrypt(
    { name: 'AES-GCM', iv: fromB64u(wrapped.iv), additionalData: utf8(context) },
    key,
    fromB64u(wrapped.ciphertext),
  );
  return new Uint8Array(opened);
}

/** The plan id: SHA-256 over the owner's signing key and a nonce, so no one can substitute an owner. */
export async function derivePlanId(ownerSignPub: string, nonce: string): Promise<string> {
  return toB64u(await sha256(concat(utf8('summitry-plan/v1\n'), fromB64u(ownerSignPub), fromB64u(nonce))));
}
