import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('job-channel-parent', () => {
  runRuleTests('job-channel-parent', {
    "valid": [
      {
        "name": "parent root",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"queue_job\"], \"data\": [\"data/q.xml\"]}\n",
          "data/q.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"channel_x\" model=\"queue.job.channel\">\n        <field name=\"name\">x</field>\n        <field name=\"parent_id\" ref=\"queue_job.channel_root\" />\n    </record>\n</odoo>\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "no parent",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"queue_job\"], \"data\": [\"data/q.xml\"]}\n",
          "data/q.xml": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<odoo>\n    <record id=\"channel_x\" model=\"queue.job.channel\">\n        <field name=\"name\">x</field>\n    </record>\n</odoo>\n"
        },
        "errors": [
          {
            "messageId": "noParent",
            "line": 3,
            "column": 5,
            "data": {
              "id": "channel_x"
            }
          }
        ]
      }
    ]
  });
});
