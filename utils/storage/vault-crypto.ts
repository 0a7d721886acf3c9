/**
 * Encryption of stored API keys under a passphrase: PBKDF2-SHA256 (600,000 iterations, as
 * OWASP recommends for it) derives an AES-GCM key; GCM's tag makes any tampering fail loudly.
 */
export const PBKDF2_ITERATIONS = 600_000;

export interface SealedText {
  iv: string;
  data: string;
}

export class VaultIntegrityError extends Error {
  override readonly name = 'VaultIntegrityError';
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export const newSalt = () => toBase64(crypto.getRandomValues(new Uint8Array(16)));

export async function deriveVaultKey(
  passphrase: string,
  salt: string,
  iterations = PBKDF2_ITERATIONS,
) {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    // Exportable only so the unlocked key can wait in storage.session until the browser closes.
    true,
    ['encrypt', 'decrypt'],
  );
}

export async function seal(key: CryptoKey, text: string): Promise<SealedText> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(text),
  );
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

export async function unseal(key: CryptoKey, sealed: SealedText): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      key,
      fromBase64(sealed.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new VaultIntegrityError('Wrong passphrase, or the stored data was changed.');
  }
}

export const exportVaultKey = async (key: CryptoKey) =>
  toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));

export const importVaultKey = (raw: string) =>
  crypto.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM', length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
