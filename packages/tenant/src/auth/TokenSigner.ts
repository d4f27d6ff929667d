import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/** The claims of a token this tenant signs. */
export interface TokenClaims {
  readonly sub: string;
  readonly jti: string;
  readonly aud: string;
  readonly iss: string;
  readonly iat: number;
  readonly exp?: number;
  readonly [claim: string]: unknown;
}

/**
 * Signs and verifies the tenant's JWTs with ES384, as Qlik Cloud signs its API
 * keys. The key pair is created once and kept in the database, so tokens stay
 * valid across restarts.
 */
export class TokenSigner {
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  // Tokens whose signature checked out. An ES384 verify costs about a quarter
  // of a small request, and a client sends the same key on every request; a
  // token's signature, once good, stays good. Expiry is still checked on every
  // call, and revocation by the caller.
  private readonly verified = new Map<string, TokenClaims>();

  constructor(
    privateKeyPem: string,
    /** Key id in the JWT header. */
    readonly kid: string,
  ) {
    this.privateKey = createPrivateKey(privateKeyPem);
    this.publicKey = createPublicKey(this.privateKey);
  }

  /** A new P-384 private key, PEM-encoded. */
  static generateKey(): string {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  /** The compact JWT of `claims`. */
  sign(claims: TokenClaims): string {
    const header = base64url(JSON.stringify({ alg: 'ES384', kid: this.kid, typ: 'JWT' }));
    const payload = base64url(JSON.stringify(claims));
    const signature = sign('sha384', Buffer.from(`${header}.${payload}`), {
      key: this.privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return `${header}.${payload}.${signature.toString('base64url')}`;
  }

  /** The claims of a token this tenant signed and that has not expired, or null. */
  verify(token: string, nowSeconds = Math.floor(Date.now() / 1000)): TokenClaims | null {
    const claims = this.verified.get(token) ?? this.checkSignature(token);
    if (!claims) return null;
    if (claims.exp !== undefined && claims.exp <= nowSeconds) return null;
    return claims;
  }

  private checkSignature(token: string): TokenClaims | null {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const [header, payload, signature] = parts as [string, string, string];
    // Node's base64url decoder skips characters it cannot use, so a token with a stray
    // trailing character would verify; only the one canonical spelling is accepted.
    if (!parts.every(isCanonicalBase64Url)) return null;
    let claims: unknown;
    try {
      const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
        alg?: unknown;
      };
      if (head.alg !== 'ES384') return null;
      const valid = verify(
        'sha384',
        Buffer.from(`${header}.${payload}`),
        { key: this.publicKey, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature, 'base64url'),
      );
      if (!valid) return null;
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (!isClaims(claims)) return null;
    // Bounded: the oldest entry goes first (a Map keeps insertion order).
    if (this.verified.size >= VERIFIED_TOKENS)
      this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims);
    return claims;
  }
}

const VERIFIED_TOKENS = 4096;

function isCanonicalBase64Url(part: string): boolean {
  return Buffer.from(part, 'base64url').toString('base64url') === part;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function isClaims(value: unknown): value is TokenClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    typeof claims.sub === 'string' &&
    typeof claims.jti === 'string' &&
    typeof claims.aud === 'string' &&
    (claims.exp === undefined || typeof claims.exp === 'number')
  );
}
