import { describe, expect, it } from 'vitest';
import { RefusedError } from '../../../src/errors.js';
import { appendAccessRows } from '../../../src/scaffold/edits/csv-edits.js';
import { appendXmlRecords } from '../../../src/scaffold/edits/xml-edits.js';

const RECORD = '    <menuitem id="menu_b" name="B" parent="menu_root" />\n';

describe('appendXmlRecords', () => {
  it('inserts before </odoo>, keeping everything else', () => {
    const source = '<?xml version="1.0"?>\n<!-- mine -->\n<odoo>\n    <menuitem id="menu_a" name="A" />\n</odoo>\n';
    expect(appendXmlRecords(source, RECORD, 'views/menus.xml')).toBe(
      '<?xml version="1.0"?>\n<!-- mine -->\n<odoo>\n    <menuitem id="menu_a" name="A" />\n' + RECORD + '</odoo>\n',
    );
  });
  it('inserts inside the last <data> block', () => {
    const source = '<odoo>\n  <data noupdate="1">\n    <record id="a" model="x"/>\n  </data>\n</odoo>';
    expect(appendXmlRecords(source, RECORD, 'f')).toBe(
      '<odoo>\n  <data noupdate="1">\n    <record id="a" model="x"/>\n' + RECORD + '  </data>\n</odoo>',
    );
  });
  it('keeps CRLF line endings', () => {
    expect(appendXmlRecords('<odoo>\r\n</odoo>\r\n', RECORD, 'f')).toBe(`<odoo>\r\n${RECORD.replace('\n', '\r\n')}</odoo>\r\n`);
  });
  it('refuses malformed XML, naming file and line', () => {
    expect(() => appendXmlRecords('<odoo>\n<record>\n</odoo>', RECORD, 'views/x.xml')).toThrow(/views\/x\.xml:\d+:\d+: XML is not well-formed/);
    expect(() => appendXmlRecords('<html></html>', RECORD, 'f')).toThrow(RefusedError);
  });
});

describe('appendAccessRows', () => {
  const header = 'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\n';
  it('appends new rows and skips existing ids', () => {
    const source = `${header}access_a,a,model_a,,1,0,0,0`;
    const out = appendAccessRows(source, 'access_a,a,model_a,,1,0,0,0\naccess_b,b,model_b,,1,1,1,1\n', 'security/ir.model.access.csv');
    expect(out).toBe(`${header}access_a,a,model_a,,1,0,0,0\naccess_b,b,model_b,,1,1,1,1\n`);
  });
  it('is a no-op when every row exists', () => {
    const source = `${header}access_a,a,model_a,,1,0,0,0\n`;
    expect(appendAccessRows(source, 'access_a,a,model_a,,1,0,0,0\n', 'f')).toBe(source);
  });
  it('refuses a file with another header', () => {
    expect(() => appendAccessRows('id,name\n', 'x\n', 'security/ir.model.access.csv')).toThrow(
      /security\/ir\.model\.access\.csv:1: the header must be/,
    );
  });
});
