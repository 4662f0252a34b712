import { describe, expect, it } from 'vitest';
import { creationOptions, fromBase64Url, requestOptions, toBase64Url } from './webauthn';

describe('base64url', () => {
  it('round-trips bytes without padding, with - and _', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0x3e, 0x00, 0x01]);
    const text = toBase64Url(bytes);
    expect(text).toBe('-_8-AAE');
    expect(new Uint8Array(fromBase64Url(text))).toEqual(bytes);
    expect(toBase64Url(new Uint8Array([]))).toBe('');
  });
});

describe('options from the server', () => {
  it('turn base64url fields into buffers and keep the rest', () => {
    const create = creationOptions({
      rp: { id: 'localhost', name: 'Tandem' },
      user: { id: 'AQID', name: 'ana', displayName: 'Ana' },
      challenge: 'BAUG',
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      timeout: 1000,
      attestation: 'none',
      excludeCredentials: [{ type: 'public-key', id: 'Bwg' }],
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    expect(new Uint8Array(create.user.id as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(create.challenge as ArrayBuffer)).toEqual(new Uint8Array([4, 5, 6]));
    expect(new Uint8Array(create.excludeCredentials![0].id as ArrayBuffer)).toEqual(new Uint8Array([7, 8]));
    expect(create.rp.id).toBe('localhost');
    const get = requestOptions({ challenge: 'BAUG', rpId: 'localhost', timeout: 1000, userVerification: 'required', allowCredentials: [] });
    expect(get.allowCredentials).toEqual([]);
    expect(get.userVerification).toBe('required');
  });
});
