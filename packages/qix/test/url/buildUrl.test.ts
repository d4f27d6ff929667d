import { describe, expect, it } from 'vitest';
import enigmaSenseUtilities from 'enigma.js/sense-utilities.js';
import senseUtilities, {
  buildCloudUrl,
  buildUrl,
  type BuildUrlOptions,
} from '@qlikit/qix/sense-utilities';

// enigma.js declares `export default`, but its CommonJS file sets module.exports, which is
// what an ESM default import gets: the class itself.
const enigmaUtilities = enigmaSenseUtilities as unknown as typeof enigmaSenseUtilities.default;

/** Options both builders take (enigma.js's `port` is a number only). */
type SharedOptions = BuildUrlOptions & Parameters<typeof enigmaUtilities.buildUrl>[0];

const cases: SharedOptions[] = [
  {},
  { host: 'sense.example.com' },
  { host: 'h', port: 4848, secure: false },
  { host: 'h', prefix: '/proxy/', subpath: 'sub/', appId: 'my app.qvf' },
  { host: 'h', route: '/app/engineData/', identity: 'a b', ttl: 30 },
  { host: 'h', appId: 'x', noData: true },
  {
    host: 'h',
    appId: 'abc',
    urlParams: { reloadUri: 'https://h/sense/app/abc', a: [1, 2], flag: true },
  },
];

describe('buildUrl', () => {
  it.each(cases)('builds the same URL as enigma.js for %j', (options) => {
    const expected = enigmaUtilities.buildUrl({ ...options });
    expect(buildUrl(options)).toBe(expected);
    expect(senseUtilities.buildUrl(options)).toBe(expected);
  });

  it('does not change the options it is given', () => {
    const options = Object.freeze({ host: 'h', appId: 'x' });
    expect(buildUrl(options)).toBe('wss://h/app/x');
  });

  it('accepts noData and, as enigma.js does, leaves the URL as it is', () => {
    expect(buildUrl({ host: 'h', appId: 'x', noData: true })).toBe('wss://h/app/x');
  });
});

describe('buildCloudUrl', () => {
  it('builds wss://<tenant>/app/<appId> with the browser credentials Qlik Cloud accepts', () => {
    expect(
      buildCloudUrl({
        tenant: 'https://acme.eu.qlikcloud.com/',
        appId: 'a1b2',
        identity: 'tab 2',
        ttl: 0,
        webIntegrationId: 'wi-1',
        csrfToken: 'c/s+rf',
      }),
    ).toBe(
      'wss://acme.eu.qlikcloud.com/app/a1b2/identity/tab%202/ttl/0?qlik-web-integration-id=wi-1&qlik-csrf-token=c%2Fs%2Brf',
    );
  });

  it('puts an access token, reloadUri and workloadType in the query, and nothing when there is none', () => {
    expect(buildCloudUrl({ tenant: 'acme.us.qlikcloud.com', appId: 'SessionApp_1' })).toBe(
      'wss://acme.us.qlikcloud.com/app/SessionApp_1',
    );
    expect(
      buildCloudUrl({
        tenant: 'acme.us.qlikcloud.com',
        appId: 'x',
        accessToken: 't',
        reloadUri: 'https://acme.us.qlikcloud.com/sense/app/x',
        workloadType: 'interactive-reload',
      }),
    ).toBe(
      'wss://acme.us.qlikcloud.com/app/x?reloadUri=https%3A%2F%2Facme.us.qlikcloud.com%2Fsense%2Fapp%2Fx&workloadType=interactive-reload&accessToken=t',
    );
  });
});
