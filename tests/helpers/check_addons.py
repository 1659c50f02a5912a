"""Structural checks of generated addons, independent of `odoo-connector validate`.

Usage: python3 check_addons.py ROOT [ROOT...]   (every folder with a __manifest__.py below)
Prints a JSON list of problems: {"addon", "file", "problem"}.

What it checks is what FRAMEWORK-SPEC D0 says breaks an install: manifests are literals whose
data files exist; every Python file is imported by its package; every XML file parses; every
xml id referenced is defined earlier (manifest order) or belongs to a dependency; access rows
name models the addon defines or a dependency provides.
"""
import ast
import csv
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# Modules reachable through connector_base_backend's depends.
BASE_BACKEND_CLOSURE = {
    "connector",
    "queue_job",
    "component",
    "component_event",
    "product",
    "base",
    "mail",
    "web",
    "uom",
}
FRAMEWORK_CLOSURE = {
    "generic_connector": BASE_BACKEND_CLOSURE | {"connector_base_backend"},
    "connector_base_backend": BASE_BACKEND_CLOSURE,
    "sale": {"sale", "sales_team", "account", "product", "uom", "payment", "utm"},
    "stock": {"stock", "product", "uom", "barcodes"},
    "account": {"account", "product", "uom", "analytic", "portal"},
    "crm": {"crm", "sales_team", "mail", "calendar", "utm", "contacts"},
    "connector": {"connector", "queue_job", "component", "component_event", "base"},
    "queue_job": {"queue_job", "base", "mail"},
    "product": {"product", "uom", "base", "mail"},
}
REF_ATTRS = ("ref", "parent", "action", "inherit_id")
EVAL_REF = re.compile(r"ref\(\s*['\"]([\w.]+)['\"]\s*\)")


def problems_of(addon_dir):
    problems = []
    name = os.path.basename(os.path.normpath(addon_dir))

    def report(file, problem):
        problems.append({"addon": name, "file": file, "problem": problem})

    with open(os.path.join(addon_dir, "__manifest__.py"), encoding="utf-8") as f:
        try:
            manifest = ast.literal_eval(f.read())
        except (ValueError, SyntaxError) as err:
            report("__manifest__.py", "not a literal: %s" % err)
            return problems
    depends = set(manifest.get("depends", []))
    known_modules = {name} | depends
    for dep in list(depends):
        known_modules |= FRAMEWORK_CLOSURE.get(dep, set())

    # Python: compile, and every module reached from the root __init__.py.
    defined_models = set()
    for root, dirs, files in os.walk(addon_dir):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for file in files:
            if not file.endswith(".py"):
                continue
            path = os.path.join(root, file)
            rel = os.path.relpath(path, addon_dir)
            with open(path, encoding="utf-8") as f:
                source = f.read()
            try:
                tree = ast.parse(source, rel)
            except SyntaxError as err:
                report(rel, "syntax error: %s" % err)
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "_name" for t in node.targets
                ):
                    if isinstance(node.value, ast.Constant) and "/models/" in "/" + rel:
                        defined_models.add(node.value.value)
                    elif isinstance(node.value, ast.Constant) and rel.startswith(
                        "wizards"
                    ):
                        defined_models.add(node.value.value)
            if file == "__init__.py" or rel == "__manifest__.py":
                continue
            # Test helpers are imported by the test modules, not by the package.
            if rel.startswith("tests") and not file.startswith("test_"):
                continue
            package_init = os.path.join(root, "__init__.py")
            module = file[:-3]
            imported = False
            if os.path.exists(package_init):
                with open(package_init, encoding="utf-8") as f:
                    init_tree = ast.parse(f.read())
                for node in ast.walk(init_tree):
                    if isinstance(node, ast.ImportFrom) and node.module is None:
                        imported |= any(a.name == module for a in node.names)
            if not imported:
                report(rel, "not imported by its package __init__.py")
    for package in ("models", "components", "wizards", "controllers"):
        if os.path.isdir(os.path.join(addon_dir, package)):
            with open(os.path.join(addon_dir, "__init__.py"), encoding="utf-8") as f:
                root_init = f.read()
            if not re.search(r"from \. import %s\b" % package, root_init):
                report("__init__.py", "does not import %s" % package)

    # Data files in manifest order.
    defined_ids = set()

    def check_ref(file, ref):
        if "." in ref:
            module, local = ref.split(".", 1)
            if module == name:
                if local not in defined_ids:
                    report(file, "reference to %s before its definition" % ref)
            elif module not in known_modules:
                report(file, "reference to %s: module not in depends" % ref)
        elif ref not in defined_ids:
            report(file, "reference to %s before its definition" % ref)

    # model_<x> xml ids exist as soon as the Python models are loaded, before any data file.
    defined_ids.update("model_" + m.replace(".", "_") for m in defined_models)
    for data_file in manifest.get("data", []):
        path = os.path.join(addon_dir, data_file)
        if not os.path.exists(path):
            report("__manifest__.py", "data file %s does not exist" % data_file)
            continue
        if data_file.endswith(".csv"):
            with open(path, encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f))
            header = rows[0]
            if header != [
                "id",
                "name",
                "model_id:id",
                "group_id:id",
                "perm_read",
                "perm_write",
                "perm_create",
                "perm_unlink",
            ]:
                report(data_file, "unexpected header %s" % header)
            for row in rows[1:]:
                if len(row) != 8:
                    report(data_file, "row has %d columns" % len(row))
                    continue
                model_ref, group_ref = row[2], row[3]
                if "." in model_ref:
                    check_ref(data_file, model_ref)
                else:
                    model = model_ref[len("model_") :]
                    if model not in {m.replace(".", "_") for m in defined_models}:
                        report(data_file, "%s names no model of this addon" % model_ref)
                if group_ref:
                    check_ref(data_file, group_ref)
                defined_ids.add(row[0])
            continue
        try:
            tree = ET.parse(path)
        except ET.ParseError as err:
            report(data_file, "XML does not parse: %s" % err)
            continue
        for element in tree.iter():
            for attr in REF_ATTRS:
                value = element.get(attr)
                if value:
                    check_ref(data_file, value)
            for attr in ("eval", "context", "domain"):
                for ref in EVAL_REF.findall(element.get(attr) or ""):
                    check_ref(data_file, ref)
            if element.get("groups"):
                for group in element.get("groups").split(","):
                    check_ref(data_file, group.strip().lstrip("!"))
            if element.get("id") and element.tag in (
                "record",
                "menuitem",
                "template",
            ):
                defined_ids.add(element.get("id"))
    return problems


def main(roots):
    addons = []
    for root in roots:
        for current, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d not in ("__pycache__", "node_modules")]
            if "__manifest__.py" in files:
                addons.append(current)
                dirs[:] = []
    problems = []
    for addon in sorted(addons):
        problems.extend(problems_of(addon))
    json.dump({"addons": len(addons), "problems": problems}, sys.stdout, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])
