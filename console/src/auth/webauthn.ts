/**
 * Passkeys in the browser: the server sends WebAuthn options with binary values in base64url;
 * these helpers turn them into the ArrayBuffers `navigator.credentials` wants, and the
 * authenticator's answer back into JSON (the WebAuthn "toJSON" shape) for the server.
 */

export function fromBase64Url(text: string): ArrayBuffer {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

export function toBase64Url(buffer: ArrayBuffer | ArrayBufferView): string {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface Descriptor {
  type: 'public-key';
  id: string;
}

/** What the server sends for enrolment (navigator.credentials.create). */
export interface CreationOptionsJson {
  rp: { id: string; name: string };
  user: { id: string; name: string; displayName: string };
  challenge: string;
  pubKeyCredParams: { type: 'public-key'; alg: number }[];
  timeout: number;
  attestation: AttestationConveyancePreference;
  excludeCredentials: Descriptor[];
  authenticatorSelection: AuthenticatorSelectionCriteria;
}

/** What the server sends for sign-in (navigator.credentials.get). */
export interface RequestOptionsJson {
  challenge: string;
  rpId: string;
  timeout: number;
  userVerification: UserVerificationRequirement;
  allowCredentials: Descriptor[];
}

export interface PasskeyFlow<T> {
  flow: string;
  publicKey: T;
}

export function creationOptions(json: CreationOptionsJson): PublicKeyCredentialCreationOptions {
  return {
    ...json,
    challenge: fromBase64Url(json.challenge),
    user: { ...json.user, id: fromBase64Url(json.user.id) },
    excludeCredentials: json.excludeCredentials.map((c) => ({ type: c.type, id: fromBase64Url(c.id) })),
  };
}

export function requestOptions(json: RequestOptionsJson): PublicKeyCredentialRequestOptions {
  return {
    ...json,
    challenge: fromBase64Url(json.challenge),
    allowCredentials: json.allowCredentials.map((c) => ({ type: c.type, id: fromBase64Url(c.id) })),
  };
}

/** A new passkey as JSON: id, rawId, type and the attestation response. */
export function registrationJson(credential: PublicKeyCredential): Record<string, unknown> {
  const response = credential.response as AuthenticatorAttestationResponse;
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    response: {
      clientDataJSON: toBase64Url(response.clientDataJSON),
      attestationObject: toBase64Url(response.attestationObject),
      transports: typeof response.getTransports === 'function' ? response.getTransports() : [],
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
  };
}

/** A passkey's signature as JSON: id, rawId, type and the assertion response. */
export function authenticationJson(credential: PublicKeyCredential): Record<string, unknown> {
  const response = credential.response as AuthenticatorAssertionResponse;
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    response: {
      clientDataJSON: toBase64Url(response.clientDataJSON),
      authenticatorData: toBase64Url(response.authenticatorData),
      signature: toBase64Url(response.signature),
      userHandle: response.userHandle ? toBase64Url(response.userHandle) : null,
    },
    clientExtensionResults: credential.getClientExtensionResults(),
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
  };
}

/** True when this browser can use passkeys at all. */
export function passkeysSupported(): boolean {
  return typeof window !== 'undefined' && 'PublicKeyCredential' in window && !!navigator.credentials;
}

/** Asks the authenticator for a signature; null when the person cancelled. */
export function askPasskey(options: RequestOptionsJson): Promise<Record<string, unknown> | null> {
  return unlessCancelled(navigator.credentials.get({ publicKey: requestOptions(options) }), authenticationJson);
}

/** Asks the authenticator to make a passkey; null when the person cancelled. */
export function createPasskey(options: CreationOptionsJson): Promise<Record<string, unknown> | null> {
  return unlessCancelled(navigator.credentials.create({ publicKey: creationOptions(options) }), registrationJson);
}

/** The authenticator's answer as JSON; null when the person cancelled or the prompt timed out. */
async function unlessCancelled(
  asked: Promise<Credential | null>,
  toJson: (credential: PublicKeyCredential) => Record<string, unknown>,
): Promise<Record<string, unknown> | null> {
  try {
    const credential = (await asked) as PublicKeyCredential | null;
    return credential ? toJson(credential) : null;
  } catch (e) {
    if (e instanceof DOMException && (e.name === 'NotAllowedError' || e.name === 'AbortError')) return null;
    throw e;
  }
}
