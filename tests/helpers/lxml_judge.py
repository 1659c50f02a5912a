"""Judge XML documents with lxml, as Odoo parses data files (etree.parse of a file object).

Reads one JSON string (a document) per line on stdin; writes one JSON object per line:
{"ok": true} or {"ok": false, "line": L, "column": C, "message": M} for the first error.
"""

import io
import json
import re
import sys

from lxml import etree


def judge(text):
    try:
        etree.parse(io.BytesIO(text.encode("utf-8", "surrogatepass")))
        return {"ok": True}
    except etree.XMLSyntaxError as error:
        line, column = error.position
        message = re.sub(r", line \d+, column \d+$", "", error.msg).rstrip("\n")
        return {"ok": False, "line": line, "column": column, "message": message}


def main():
    for raw in sys.stdin:
        sys.stdout.write(json.dumps(judge(json.loads(raw))) + "\n")


if __name__ == "__main__":
    main()
