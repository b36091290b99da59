#!/usr/bin/env python3
"""Checks that a schedule.json validates against the c3voc JSON schema.

  check_schema.py SCHEMA FEED...    exit 0 when every FEED validates
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
failed = 0
for path in sys.argv[2:]:
    feed = json.load(open(path, encoding="utf-8"))
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(feed), key=lambda e: list(e.path))
    for error in errors[:20]:
        print(f"{path}: {'/'.join(map(str, error.path))}: {error.message[:200]}")
    failed += bool(errors)
    print(f"{path}: {'valid' if not errors else str(len(errors)) + ' problems'}")
sys.exit(1 if failed else 0)
