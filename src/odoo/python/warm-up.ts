/**
 * @fileoverview A small Python module that uses most of the grammar, read a few times before the
 * first real file of a process. V8 optimizes the reader's functions from the type feedback they
 * gathered so far; code met for the first time later (a `match`, a set comprehension, a new node
 * type reaching a shared helper) throws the optimized code away ("Insufficient type feedback",
 * "wrong map") and compiles it again, which costs each validate thread far more than reading this.
 * Its content never reaches any output.
 */
export const WARM_UP_SOURCE = `# -*- coding: utf-8 -*-
"""Module docstring."""
from __future__ import annotations
# Rare constructs first: V8 may optimise the tokenizer's loop before the end of the first read.
total = 1 + \\
    2
s = 'a string \\
continued'
import logging, os.path as osp
from . import models
from ..tools import (float_round, Command as C,)
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)
X: int = 0x1F + 0o17 + 0b1 + 1_000 + 1.5e-3 + 2j + .5 - ~3 * 2 ** 3 // 4 % 5 @ y << 1 >> 2 & 3 | 4 ^ 5
TUPLE = 1, 2
EMPTY = (), [], {}, set()
D = {'a': 1, **other, 'b': [1, 2, *rest], 'c': {1, 2}, 'd': (x for x in y if x), 'e': b'\\x00' rb'r', 'f': u'u'}
S = f"{a!r:>{width}} {b=} {c:.2f} {{}} {d['k']}" f'{e}' rf"{f}\\d" "plain" 'x' """triple
line"""
L = [i * 2 for i in range(10) if i % 2 if not i] + [*a, *b]
SETC = {k for k in d}
DICTC = {k: v for k, v in d.items() if v is not None and k not in ('a', "b") or v is None}
NESTED = [[j for j in i] for i in ll]
lam = lambda x, *a, y=1, **kw: (x, a, y, kw)
val = a if b else c
val = a[1:2], a[::2], a[:, 1], a[...], a[b:c:d], a[-1]
val = not a < b <= c > d >= e == f != g is h is not i in j not in k
if (n := len(a)) > 10:
    pass
elif n:
    del a[0], b.c
else:
    assert n, 'msg'
x += 1; x -= 1; x *= 2; x /= 2; x //= 1; x %= 3; x **= 2; x >>= 1; x <<= 1; x &= 1; x |= 1; x ^= 1; x @= y
a = b = c = None
a, *b = c
[a, b] = c, d
a.b, c[d] = 1, 2
print(*args, **kwargs, sep='')


@decorator
@decorator.with_args(1, key=True)
class Model(models.Model, metaclass=Meta):
    """Doc."""

    _name = 'x.y'
    _inherit = ['mail.thread', 'x.z']
    _description = "X"
    _order = 'id desc'
    _sql_constraints = [('name_uniq', 'unique(name)', 'Name must be unique!')]

    name = fields.Char(string='Name', required=True, translate=True, help="h")
    partner_id = fields.Many2one('res.partner', ondelete='cascade', domain=[('a', '=', 1)])
    line_ids = fields.One2many('x.line', 'x_id', copy=False)
    state = fields.Selection([('a', 'A'), ('b', _('B'))], default='a', tracking=True)
    total = fields.Float(compute='_compute_total', store=True, digits=(16, 2))
    amount = fields.Monetary(currency_field='currency_id', related='partner_id.credit')
    active = fields.Boolean(default=lambda self: self.env.context.get('active', True))

    @api.depends('line_ids.amount', 'state')
    def _compute_total(self):
        for rec in self:
            rec.total = sum(rec.line_ids.mapped('amount'))
        else:
            return None

    @api.model_create_multi
    def create(self, vals_list):
        res = super().create(vals_list)
        res.write({'state': 'b'})
        return res

    @api.constrains('name')
    def _check(self) -> None:
        for r in self.filtered(lambda r: r.state == 'a'):
            if not r.name:
                raise ValidationError(_("Missing %s", r.display_name)) from None
        while True:
            try:
                break
            except (KeyError, ValueError) as e:
                _logger.warning("x %s", e)
                continue
            except Exception:
                raise
            else:
                pass
            finally:
                x = 1
        with open(path, 'rb') as f, ctx() as g:
            data = yield f.read()
        with (a as b, c):
            yield from g
        global GG
        return {'type': 'ir.actions.act_window', 'res_model': self._name, 'domain': [('id', 'in', self.ids)]}

    def method(self, a, b=1, /, c=2, *args, d, e=3, **kwargs):
        def inner(x: int = 0) -> str:
            nonlocal a
            return str(x)
        try:
            pass
        except* TypeError:
            pass
        match command:
            case [x, y, *rest]:
                pass
            case {'k': v, **kw}:
                pass
            case Point(x=0, y=1) | None:
                pass
            case 1 | -2 | 3.5 | 'a' | b'b' | True:
                pass
            case _:
                pass
        return inner


async def coroutine(a):
    async with a as b:
        await b
    async for i in a:
        print(i)
    return [x async for x in a]


class Empty: pass


if __name__ == '__main__':
    Model().method(1, c=3)

try:
    import phonenumbers
except ImportError:
    phonenumbers = None
__all__ += ['Model']
A = B = 'x'
ann: dict = {'k': -1.0}
setattr(Model, 'global', fields.Boolean())
if a == 1 and b != c or 'x' in y:
    Model._inherit = Model._name
total = (1 +  # a comment inside brackets
         2)  # and after code
caf\u00e9 = '\u00e9'
crlf = 1\r
def tabbed():
\treturn 1
`;

/** Reads of WARM_UP_SOURCE: enough for each function's feedback to be allocated and filled. */
export const WARM_UP_ROUNDS = 3;
