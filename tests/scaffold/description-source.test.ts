/**
 * Where a described binding's API description is recorded: local files relative to the addon (a
 * pointer or type name kept), package names as given; replayed from the addon's folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordedDescription, replayedDescription } from '../../src/scaffold/description-source.js';
import { tempDir } from '../helpers/temp.js';

const repo = tempDir('description-source');
const addon = join(repo, 'addons', 'acme_connector');
mkdirSync(addon, { recursive: true });
mkdirSync(join(repo, 'specs'));
writeFileSync(join(repo, 'specs', 'shop.yaml'), 'openapi: 3.0.3\n');
writeFileSync(join(repo, 'specs', 'sdk.d.ts'), 'export interface Customer { id: string }\n');

describe('recordedDescription', () => {
  it.each([
    [{ fromOpenapi: 'specs/shop.yaml' }, { fromOpenapi: '../../specs/shop.yaml' }],
    [{ fromOpenapi: 'specs/shop.yaml#/components/schemas/Order' }, { fromOpenapi: '../../specs/shop.yaml#/components/schemas/Order' }],
    // given absolute: kept (outside the repository, it does not move with it)
    [{ fromOpenapi: join(repo, 'specs', 'shop.yaml#Order') }, { fromOpenapi: join(repo, 'specs', 'shop.yaml#Order') }],
    [{ fromTypes: 'specs/sdk.d.ts#Api.Customer' }, { fromTypes: '../../specs/sdk.d.ts#Api.Customer' }],
    // a package is looked up in node_modules, from the addon as from the repository
    [{ fromTypes: 'stripe#Stripe.Customer' }, { fromTypes: 'stripe#Stripe.Customer' }],
    [{}, {}],
  ])('%j from the repository root is recorded as %j', (given, recorded) => {
    expect(recordedDescription({ entity: 'order', cwd: repo, ...given }, addon)).toEqual(recorded);
  });
});

describe('replayedDescription', () => {
  it('reads a recorded description from the addon, and nothing for a record without one', () => {
    expect(replayedDescription({ entity: 'order', odooModel: 'sale.order', fromOpenapi: '../../specs/shop.yaml' }, addon)).toEqual({
      fromOpenapi: '../../specs/shop.yaml',
      cwd: addon,
    });
    expect(replayedDescription({ entity: 'order', odooModel: 'sale.order', direction: 'import' }, addon)).toEqual({});
  });
});
