#!/usr/bin/env python3
"""Rewrites the option and header tables of msghandler-component.adoc from the component JSON that
camel-component-maven-plugin generates, between the '// ... : START' and '// ... : END' markers.

Run after a build that changed an option or header:  python3 camel-msghandler/src/main/docs/render-tables.py
"""
import json
import pathlib
import re

HERE = pathlib.Path(__file__).resolve().parent
JSON = HERE.parent.parent / "generated/resources/META-INF/io/github/msghandler/camel/msghandler.json"
DOC = HERE / "msghandler-component.adoc"


def cell(text):
    return text.replace("|", "\\|")


def option_rows(options):
    rows = []
    for name, option in options.items():
        kind = option["javaType"].split(".")[-1]
        if option.get("enum"):
            kind += " (" + ", ".join(option["enum"]) + ")"
        secret = " (secret)" if option.get("secret") else ""
        rows.append("| *%s* (%s) | %s%s | %s | %s" % (name, option.get("group", ""), cell(option["description"]),
                                                     secret, option.get("defaultValue", ""), kind))
    return rows


def header_rows(headers):
    return ["| `%s` (%s) | %s | %s" % (name, header.get("label") or "common", cell(header["description"]),
                                       header["javaType"]) for name, header in headers.items()]


def replace(doc, marker, lines):
    pattern = re.compile(r"(// %s: START\n).*?(// %s: END)" % (marker, marker), re.S)
    if not pattern.search(doc):
        raise SystemExit("marker '%s' missing in %s" % (marker, DOC))
    return pattern.sub(lambda m: m.group(1) + "\n".join(lines) + "\n" + m.group(2), doc)


model = json.loads(JSON.read_text())
properties = model["properties"]
doc = DOC.read_text()
doc = replace(doc, "path options", option_rows({k: v for k, v in properties.items() if v["kind"] == "path"}))
doc = replace(doc, "query options", option_rows({k: v for k, v in properties.items() if v["kind"] != "path"}))
doc = replace(doc, "headers", header_rows(model["headers"]))
DOC.write_text(doc)
print("rendered %d options and %d headers into %s" % (len(properties), len(model["headers"]), DOC.name))
