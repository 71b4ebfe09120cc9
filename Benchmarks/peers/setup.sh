#!/usr/bin/env bash
# Creates Benchmarks/peers/.venv and installs SimPy into it (idempotent: an existing venv that
# already imports simpy is left alone). PYTHON=python3.11 by default, else python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
if [[ -z "${PYTHON:-}" ]]; then
  if command -v python3.11 >/dev/null 2>&1; then PYTHON=python3.11; else PYTHON=python3; fi
fi
if [[ -x "$venv/bin/python" ]] && "$venv/bin/python" -c 'import simpy' >/dev/null 2>&1; then
  echo "setup.sh: $venv ready (simpy $("$venv/bin/python" -c 'import simpy; print(simpy.__version__)'))"
  exit 0
fi
if [[ ! -x "$venv/bin/python" ]]; then
  "$PYTHON" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'simpy>=4,<5'
echo "setup.sh: $venv ready (simpy $("$venv/bin/python" -c 'import simpy; print(simpy.__version__)'), $("$venv/bin/python" --version))"
