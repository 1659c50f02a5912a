import { describe } from 'vitest';
import { MANIFEST, runRuleTests } from '../rule-tester.js';

const CLASS_A = 'from odoo import models\n\n\nclass A(models.Model):\n    _inherit = "res.partner"\n';
/** An addon whose root imports `models`, whose `models/__init__.py` is given, with models/a.py defining A. */
const pkg = (rootInit: string, modelsInit: string, extra: Record<string, string> = {}): Record<string, string> => ({
  '__manifest__.py': MANIFEST(),
  '__init__.py': rootInit,
  'models/__init__.py': modelsInit,
  'models/a.py': CLASS_A,
  ...extra,
});

describe('python-import-unknown-name', () => {
  runRuleTests('python-import-unknown-name', {
    valid: [
      { name: 'name defined by a class of the target module', files: pkg('from . import models\n', 'from .a import A\n') },
      { name: 'submodule of a package', files: pkg('from . import models\n', 'from . import a\n') },
      { name: 'the root package importing its subpackage and a namespace folder', files: pkg('from . import models, data\n', 'from . import a\n', { 'data/x.xml': '<odoo/>\n' }) },
      { name: 'name bound by an import of the package', files: pkg('from . import models\nfrom .models import A\n', 'from .a import A\n') },
      { name: 'name bound inside a top-level try of the target', files: pkg('from . import models\nfrom .models.b import requests\n', 'from . import a, b\n', { 'models/b.py': 'try:\n    import requests\nexcept ImportError:\n    requests = None\n' }) },
      { name: 'target with import * cannot be listed', files: pkg('from . import models\nfrom .models import Anything\n', 'from .a import *\n') },
      { name: 'import inside try handles its ImportError', files: pkg('from . import models\n\ntry:\n    from .models import Missing\nexcept ImportError:\n    Missing = None\n', 'from . import a\n') },
      { name: 'file never imported is never loaded', files: pkg('from . import models\n', 'from . import a\n', { 'models/stray.py': 'from .a import Missing\n' }) },
      { name: 'OCA name of the baseline', files: { '__manifest__.py': MANIFEST('', '"queue_job"'), '__init__.py': 'from odoo.addons.queue_job.job import identity_exact\n' } },
      { name: 'unknown addon stays silent', files: { '__manifest__.py': MANIFEST(), '__init__.py': 'from odoo.addons.nowhere.models import Thing\n' } },
      { name: 'tests modules are not listed, so not judged', files: { '__manifest__.py': MANIFEST('', '"queue_job"'), '__init__.py': 'from odoo.addons.queue_job.tests.common import trap_jobs\n' } },
      { name: 'module-level __getattr__ makes names dynamic', files: pkg('from . import models\nfrom .models.b import whatever\n', 'from . import a, b\n', { 'models/b.py': 'def __getattr__(name):\n    return name\n' }) },
      {
        name: 'name of an addon read through --addons-path',
        files: { '__manifest__.py': MANIFEST('', '"other"'), '__init__.py': 'from odoo.addons.other.tools import helper\n' },
        others: { other: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import tools\n', 'tools.py': 'def helper():\n    return 1\n' } },
      },
    ],
    invalid: [
      {
        name: 'relative import of a name the package lacks',
        files: pkg('from . import models\nfrom .models import B\n', 'from .a import A\n'),
        errors: [{ messageId: 'unknownName', file: '__init__.py', line: 2, column: 1, data: { name: 'B', module: '.models' } }],
      },
      {
        name: 'aliased import of a name the module lacks',
        files: pkg('from . import models\n', 'from . import a\nfrom .a import B as C\n'),
        errors: [{ messageId: 'unknownName', file: 'models/__init__.py', line: 2, column: 1, data: { name: 'B', module: '.a' } }],
      },
      {
        name: 'a package importing a submodule it does not have',
        files: pkg('from . import models\n', 'from . import a\nfrom . import nonexistent_module\n'),
        errors: [{ messageId: 'unknownName', file: 'models/__init__.py', line: 2, column: 1, data: { name: 'nonexistent_module', module: '.' } }],
      },
      {
        name: 'OCA name misspelt',
        files: { '__manifest__.py': MANIFEST('', '"queue_job"'), '__init__.py': 'from odoo.addons.queue_job.job import identity_exac\n' },
        errors: [{ messageId: 'unknownName', line: 1, column: 1, data: { name: 'identity_exac', module: 'odoo.addons.queue_job.job' } }],
      },
      {
        name: 'name missing in an addon read through --addons-path',
        files: { '__manifest__.py': MANIFEST('', '"other"'), '__init__.py': 'from odoo.addons.other.tools import helpr\n' },
        others: { other: { '__manifest__.py': MANIFEST(), '__init__.py': 'from . import tools\n', 'tools.py': 'def helper():\n    return 1\n' } },
        errors: [{ messageId: 'unknownName', line: 1, column: 1, data: { name: 'helpr', module: 'odoo.addons.other.tools' } }],
      },
    ],
  });
});
