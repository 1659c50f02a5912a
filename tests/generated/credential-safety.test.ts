/**
 * Credentials stay on the API's origin in the generated code: every HTTP call goes through
 * generic.adapter, which sends with redirects off and follows them itself within the origin
 * (the Odoo tests of test_generic_connector check the behaviour; this guards the source against a
 * template that would call `requests` directly, where redirects carry custom headers anywhere).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/commands/init.js';
import { runInitFramework } from '../../src/commands/init-framework.js';
import { memoryIo } from '../../src/io.js';
import { AUTHS } from '../helpers/presets.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('credentials');

function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pythonFiles(path);
    return entry.name.endsWith('.py') ? [path] : [];
  });
}

/** Python files that run in production (not the tests, which mock the HTTP layer). */
const productionFiles = () =>
  pythonFiles(root).filter((path) => !/[\\/]tests[\\/]/.test(relative(root, path)) && !/test_generic_connector/.test(path));

beforeAll(() => {
  for (const auth of AUTHS) {
    const dir = join(root, auth);
    mkdirSync(dir);
    const io = memoryIo(dir);
    expect(runInit(`acme_${auth}`, { auth, path: '.' }, io), io.stderr.join('\n')).toBe(0);
  }
  expect(runInitFramework({ path: root }, memoryIo(root))).toBe(0);
});

describe('generated HTTP calls', () => {
  it('never call requests directly (redirects would carry the credentials anywhere)', () => {
    const direct = /\brequests\.(get|post|put|patch|delete|head|options|request)\s*\(/;
    const offenders = productionFiles().filter((path) => direct.test(readFileSync(path, 'utf8')));
    expect(offenders.map((path) => relative(root, path))).toEqual([]);
  });

  it('send through a session with redirects off, in generic.adapter only', () => {
    const calls = productionFiles().flatMap((path) => {
      const source = readFileSync(path, 'utf8');
      return [...source.matchAll(/\bsession\.request\(([^)]*)\)/g)].map((match) => ({
        file: relative(root, path),
        args: match[1],
      }));
    });
    expect(calls.map((call) => call.file)).toEqual([join('generic_connector', 'components', 'adapter.py')]);
    for (const call of calls) expect(call.args).toContain('allow_redirects=False');
  });

  it('post the OAuth client credentials within the token URL origin', () => {
    const adapter = readFileSync(join(root, 'oauth2', 'acme_oauth2_connector', 'components', 'adapter.py'), 'utf8');
    const tokenRequest = adapter.slice(adapter.indexOf('def _token_request'), adapter.indexOf('def _store_token'));
    expect(tokenRequest).toContain('self._request_within_origin(');
    expect(tokenRequest).toContain('url_origin(token_url)');
  });

  it('refuse API URLs with user info in the backend model', () => {
    const backend = readFileSync(join(root, 'generic_connector', 'models', 'generic_backend.py'), 'utf8');
    expect(backend).toMatch(/@api\.constrains\("api_url"\)/);
    const oauthBackend = readFileSync(join(root, 'oauth2', 'acme_oauth2_connector', 'models', 'acme_oauth2_backend.py'), 'utf8');
    expect(oauthBackend).toMatch(/@api\.constrains\("oauth_token_url"\)/);
  });
});
