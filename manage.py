#!/usr/bin/env python
"""Django's command-line utility; `openom` (installed into .venv/bin) is the same with calculators."""

import sys

from openom.cli import main

if __name__ == "__main__":
    sys.exit(main(["django", *sys.argv[1:]]))
