import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../../src/errors.js';
import {
  addRelativeImport,
  appendToClass,
  findModelClass,
  insertListItem,
  listStrings,
  manifestList,
  returnedList,
} from '../../../src/scaffold/edits/python-edits.js';

describe('addRelativeImport', () => {
  it('adds the import after the last relative import, keeping comments', async () => {
    const source = '# models of the connector\nfrom . import a  # first\nfrom . import b\n\n# end\n';
    expect(await addRelativeImport(source, 'c', 'models/__init__.py')).toBe(
      '# models of the connector\nfrom . import a  # first\nfrom . import b\nfrom . import c\n\n# end\n',
    );
  });
  it('is a no-op when the module is already imported', async () => {
    const source = 'from . import a, c\n';
    expect(await addRelativeImport(source, 'c', 'x')).toBe(source);
  });
  it('keeps CRLF line endings and handles a missing final newline', async () => {
    expect(await addRelativeImport('from . import a\r\nfrom . import b', 'c', 'x')).toBe(
      'from . import a\r\nfrom . import b\r\nfrom . import c\r\n',
    );
  });
  it('appends to an empty package', async () => {
    expect(await addRelativeImport('', 'c', 'x')).toBe('from . import c\n');
  });
  it('names the line of the syntax error', async () => {
    await expect(addRelativeImport('from . import a\nfrom . import b\n\ndef x(:\n    pass\n', 'c', 'models/__init__.py')).rejects.toThrow(
      /models\/__init__\.py:4: is not valid Python/,
    );
  });
  it('refuses a file with a syntax error, naming it', async () => {
    await expect(addRelativeImport('from . import (\n', 'c', 'models/__init__.py')).rejects.toThrow(
      /models\/__init__\.py:\d+: is not valid Python/,
    );
  });
});

async function insertInManifest(source: string, key: string, value: string, index?: number): Promise<string> {
  const found = await manifestList(source, key, '__manifest__.py');
  if (!found) throw new Error('no list');
  return insertListItem(source, found.list, value, index);
}

describe('insertListItem in a manifest', () => {
  const multi = `{
    'name': 'X',  # a comment
    'depends': ['base'],
    'data': [
        'security/ir.model.access.csv',
        # views
        'views/a.xml',
        'views/menus.xml'
    ],
}
`;
  it('inserts one item per line before an index, with the file quote style', async () => {
    const out = await insertInManifest(multi, 'data', 'views/b.xml', 2);
    expect(out).toBe(multi.replace("        'views/menus.xml'", "        'views/b.xml',\n        'views/menus.xml'"));
  });
  it('appends after a last item without trailing comma', async () => {
    const out = await insertInManifest(multi, 'data', 'data/cron.xml');
    expect(out).toContain("        'views/menus.xml',\n        'data/cron.xml'\n    ],");
  });
  it('follows a single-line list', async () => {
    const out = await insertInManifest(multi, 'depends', 'sale');
    expect(out).toContain("'depends': ['base', 'sale'],");
    const front = await insertInManifest(multi, 'depends', 'sale', 0);
    expect(front).toContain("'depends': ['sale', 'base'],");
  });
  it('fills an empty list', async () => {
    expect(await insertInManifest('{"data": []}\n', 'data', 'a.xml')).toBe('{"data": ["a.xml"]}\n');
  });
  it('reads the current items', async () => {
    const found = await manifestList(multi, 'data', 'm');
    expect(listStrings(found!.list)).toEqual(['security/ir.model.access.csv', 'views/a.xml', 'views/menus.xml']);
  });
  it('refuses a key bound to something else than a list', async () => {
    await expect(manifestList('{"data": DATA}\n', 'data', '__manifest__.py')).rejects.toThrow(RefusedError);
  });
});

describe('class edits', () => {
  const backend = `from odoo import models


class Backend(models.Model):
    _name = "x.backend"

    def _get_sync_entities(self):
        return [
            "products",
        ]

    def other(self):
        return 1


class Other(models.Model):
    _inherit = "res.partner"
`;
  it('appends to the list a method returns', async () => {
    const cls = await findModelClass(backend, 'x.backend', 'models/x_backend.py');
    const out = insertListItem(backend, returnedList(cls, '_get_sync_entities', 'f'), 'orders');
    expect(out).toContain('            "products",\n            "orders",\n        ]');
  });
  it('appends a block at the end of the class, before the next class', async () => {
    const cls = await findModelClass(backend, 'x.backend', 'f');
    const out = appendToClass(backend, cls, '    def sync_orders(self):\n        return self._run_sync("orders")\n');
    expect(out).toContain(
      '        return 1\n\n    def sync_orders(self):\n        return self._run_sync("orders")\n\n\nclass Other',
    );
  });
  it('names the file and what it looked for when the anchor is missing', async () => {
    await expect(findModelClass(backend, 'y.backend', 'models/y.py')).rejects.toThrow(
      'models/y.py: no class with _name = "y.backend" found',
    );
    const cls = await findModelClass(backend, 'x.backend', 'f');
    expect(() => returnedList(cls, 'missing', 'models/x.py')).toThrow('models/x.py: method missing() not found');
  });
});

describe('insertContainerLines', () => {
  const handlers = `class B:
    _name = "x.backend"

    def _webhook_handlers(self):
        return {
            "orders/create": ("x.sale.order", "id"),  # orders
        }

    def _get_sync_entities(self):
        return ["products"]

    def _empty(self):
        return {}
`;
  it('adds lines after the last item of a multi-line dict, keeping its comment', async () => {
    const cls = await findModelClass(handlers, 'x.backend', 'f');
    const { returnedContainer, insertContainerLines } = await import('../../../src/scaffold/edits/python-edits.js');
    const dict = returnedContainer(cls, '_webhook_handlers', 'dictionary', 'f');
    const out = insertContainerLines(handlers, dict, '            "customers/create": ("x.res.partner", "id"),\n');
    expect(out).toContain(
      '            "orders/create": ("x.sale.order", "id"),  # orders\n            "customers/create": ("x.res.partner", "id"),\n        }',
    );
  });
  it('opens a one-line list to one item per line', async () => {
    const cls = await findModelClass(handlers, 'x.backend', 'f');
    const { returnedContainer, insertContainerLines } = await import('../../../src/scaffold/edits/python-edits.js');
    const list = returnedContainer(cls, '_get_sync_entities', 'list', 'f');
    const out = insertContainerLines(handlers, list, '            "orders",\n');
    expect(out).toContain('        return [\n            "products",\n            "orders",\n        ]\n');
    const empty = returnedContainer(cls, '_empty', 'dictionary', 'f');
    expect(insertContainerLines(handlers, empty, '            "a": 1,\n')).toContain('        return {\n            "a": 1,\n        }\n');
  });
});
