"""Render reStructuredText files as Odoo 16 renders a module description
(odoo/addons/base/models/ir_module.py, Module._get_desc) and print every
docutils system message, which Odoo logs as a WARNING at install.

Usage: python3 check_rst.py FILE... ; exit 2 when docutils is missing.
"""
import sys

try:
    from docutils import nodes
    from docutils.core import publish_doctree
except ImportError:
    sys.exit(2)

OVERRIDES = {
    "embed_stylesheet": False,
    "doctitle_xform": False,
    "output_encoding": "unicode",
    "xml_declaration": False,
    "file_insertion_enabled": False,
    # keep docutils quiet on stderr: the messages are printed below
    "report_level": 5,
}

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        doctree = publish_doctree(handle.read(), settings_overrides=OVERRIDES)
    # Odoo's writer logs every system message left in the document, INFO included
    for message in doctree.traverse(nodes.system_message):
        line = message.get("line", "?")
        print("%s:%s: %s" % (path, line, message.astext().replace("\n", " ")))
