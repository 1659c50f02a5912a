import { describe } from 'vitest';
import { runRuleTests } from '../rule-tester.js';

describe('access-csv-malformed', () => {
  runRuleTests('access-csv-malformed', {
    "valid": [
      {
        "name": "well-formed",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"security/ir.model.access.csv\"]}\n",
          "security/ir.model.access.csv": "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_a,a,base.model_res_partner,base.group_user,1,0,0,0\n"
        }
      },
      {
        "name": "slash id header, as Odoo reads it too",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"security/ir.model.access.csv\"]}\n",
          "security/ir.model.access.csv": "id,name,model_id/id,group_id/id,perm_read,perm_write,perm_create,perm_unlink\naccess_a,a,base.model_res_partner,,1,0,0,0\n"
        }
      },
      {
        "name": "file not listed in the manifest is not read",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], }\n",
          "security/ir.model.access.csv": "garbage\n"
        }
      }
    ],
    "invalid": [
      {
        "name": "header lacks model_id",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"security/ir.model.access.csv\"]}\n",
          "security/ir.model.access.csv": "id,name,model,group_id:id,perm_read,perm_write,perm_create,perm_unlink\n"
        },
        "errors": [
          {
            "messageId": "badHeader",
            "line": 1,
            "column": 1,
            "data": {
              "column": "model_id:id",
              "expected": "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink"
            }
          }
        ]
      },
      {
        "name": "short row, bad permission, missing id",
        "files": {
          "__manifest__.py": "{\"name\": \"X\", \"version\": \"16.0.1.0.0\", \"license\": \"LGPL-3\", \"depends\": [\"base\"], \"data\": [\"security/ir.model.access.csv\"]}\n",
          "security/ir.model.access.csv": "id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink\naccess_a,a,base.model_res_partner\naccess_b,b,base.model_res_partner,,1,yes,0,0\n,c,base.model_res_partner,,1,0,0,0\n"
        },
        "errors": [
          {
            "messageId": "badRow",
            "line": 2,
            "column": 1
          },
          {
            "messageId": "badPerm",
            "line": 3,
            "column": 1,
            "data": {
              "column": "perm_write",
              "value": "yes"
            }
          },
          {
            "messageId": "missingId",
            "line": 4,
            "column": 1
          }
        ]
      }
    ]
  });
});
