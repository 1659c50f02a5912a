import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const addon = (inherit: string, depends = '"connector"'): Record<string, string> => ({
  '__manifest__.py': MANIFEST('', depends),
  '__init__.py': 'from . import c\n',
  'c.py': `from odoo.addons.component.core import AbstractComponent, Component\n\n\nclass Base(AbstractComponent):\n    _name = "x.base"\n    _inherit = "base.connector"\n    _collection = "x.backend"\n\n\nclass Binder(Component):\n    _name = "x.binder"\n    _inherit = ${inherit}\n    _usage = "binder"\n`,
});

describe('component-unknown-inherit', () => {
  runRuleTests('component-unknown-inherit', {
    valid: [
      { name: 'components of the addon and of OCA connector', files: addon('["x.base", "base.binder"]') },
      { name: 'an extension of an OCA component', files: { '__manifest__.py': MANIFEST('', '"connector"'), '__init__.py': 'from . import c\n', 'c.py': 'from odoo.addons.component.core import Component\n\n\nclass Binder(Component):\n    _inherit = "base.binder"\n' } },
      { name: 'an unknown dependency stays silent', files: addon('["x.base", "y.nowhere"]', '"connector", "nowhere_addon"') },
    ],
    invalid: [
      {
        name: 'a misspelt parent',
        files: addon('["x.base", "base.bindr"]'),
        errors: [{ messageId: 'unknownParent', line: 12, column: 5, data: { component: '"x.binder"', parent: 'base.bindr' } }],
      },
    ],
  });
});
