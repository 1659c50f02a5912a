import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const xml = (ref: string): string => `<odoo>\n  <record id="g" model="res.groups">\n    <field name="name">G</field>\n    <field name="implied_ids" eval="[(4, ref('${ref}'))]"/>\n  </record>\n</odoo>\n`;

describe('xml-unknown-ref', () => {
  runRuleTests('xml-unknown-ref', {
    valid: [
      { name: 'core group', files: { '__manifest__.py': MANIFEST('"data": ["a.xml"]'), 'a.xml': xml('base.group_user') } },
      { name: 'unknown module stays silent', files: { '__manifest__.py': MANIFEST('"data": ["a.xml"]'), 'a.xml': xml('nowhere.group_x') } },
    ],
    invalid: [
      { name: 'missing own id', files: { '__manifest__.py': MANIFEST('"data": ["a.xml"]'), 'a.xml': xml('group_nope') }, errors: [{ messageId: 'unknown', line: 4, column: 5 }] },
      { name: 'defined later', files: { '__manifest__.py': MANIFEST('"data": ["a.xml", "b.xml"]'), 'a.xml': xml('h'), 'b.xml': '<odoo>\n  <record id="h" model="res.groups"><field name="name">H</field></record>\n</odoo>\n' }, errors: [{ messageId: 'later', line: 4, column: 5 }] },
    ],
  });
});
