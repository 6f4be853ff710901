#!/usr/bin/env python3
"""Brings schemas/policy.schema.json's check ids, per-check parameter rules and family parameter types in line with
the check catalog (src/ModelCert.Core/Checks/CheckCatalog*.cs). Run it after adding a check or a parameter; the
Policy tests fail until the schema and the catalog agree."""
import json, re, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
checks_dir = root / "src/ModelCert.Core/Checks"
schema_path = root / "schemas/policy.schema.json"
schema = json.loads(schema_path.read_text())
defs = schema["$defs"]

ids, params_of = [], {}
main = (checks_dir / "CheckCatalog.cs").read_text()
group = ["attributes", "intersections", "min_group_size", "min_group_share", "privileged"]
for fam, name, rest in re.findall(r'^\s*(Performance|Fairness|DataQuality)\("([a-z0-9-]+)",(.*?)\),\s*$', main, re.M):
    prefix = {"Performance": "performance", "Fairness": "fairness", "DataQuality": "data-quality"}[fam]
    check = f"{prefix}.{name}"
    ids.append(check)
    quoted = re.findall(r'"([^"]*)"', rest)
    params_of[check] = group if fam == "Fairness" else quoted[2:]

specs = {}
for path in sorted(checks_dir.glob("CheckCatalog.*.cs")):
    text = path.read_text()
    for family, name, body in re.findall(r'Define\("([a-z-]+)",\s*"([a-z0-9-]+)",(.*?)\),\n', text, re.S):
        check = f"{family}.{name}"
        ids.append(check)
        quoted = re.findall(r'"((?:[^"\\]|\\.)*)"', body)
        params_of[check] = quoted[2:]
    for kind, args in re.findall(r'ParameterSpec\.(\w+)\((.*?)\),\s*$', text, re.M):
        quoted = re.findall(r'"((?:[^"\\]|\\.)*)"', args)
        name, description = quoted[0], quoted[1]
        numbers = [a.strip() for a in args.split(",")[1:3]]
        def num(v):
            v = v.replace("_", "")
            return None if "MaxValue" in v or "MinValue" in v else (float(v) if "." in v else int(v))
        if kind == "Integer":
            spec = {"type": "integer", "minimum": num(numbers[0]), "maximum": num(numbers[1])}
        elif kind == "Number":
            spec = {"type": "number", "minimum": num(numbers[0]), "maximum": num(numbers[1])}
        elif kind == "Numbers":
            item = {"type": "number", "minimum": num(numbers[0]), "maximum": num(numbers[1])}
            spec = {"oneOf": [{k: v for k, v in item.items() if v is not None},
                              {"type": "array", "minItems": 1, "items": {k: v for k, v in item.items() if v is not None}}]}
        elif kind == "Flag":
            spec = {"type": "boolean"}
        elif kind == "NameList":
            item = {"enum": quoted[2:]} if len(quoted) > 2 else {"type": "string", "minLength": 1}
            spec = {"type": "array", "items": item, "minItems": 1, "uniqueItems": True}
        elif kind == "Choice":
            spec = {"enum": quoted[2:]}
        else:
            raise SystemExit(f"unknown parameter kind {kind}")
        spec = {k: v for k, v in spec.items() if v is not None}
        spec["description"] = description.replace('\\"', '"')
        specs.setdefault(name, spec)

defs["checkId"]["enum"] = ids
props = defs["params"]["properties"]
for name, spec in specs.items():
    props[name] = spec

rules, by_params = [], {}
for check in ids:
    by_params.setdefault(tuple(params_of[check]), []).append(check)
for names, checks in by_params.items():
    then = {"maxProperties": 0} if not names else {"propertyNames": {"enum": list(names)}}
    rules.append({"if": {"properties": {"check": {"enum": checks}}, "required": ["check"]},
                  "then": {"properties": {"params": then}}})
defs["requirement"]["allOf"] = rules
schema_path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
print(f"{len(ids)} checks, {len(rules)} parameter rules, {len(props)} parameters")
