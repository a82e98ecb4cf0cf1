#!/usr/bin/env bash
# Everything `npm test` runs beyond `npm ci`, installed when missing:
#   - Debian's groovy, for the Jenkins step's harness (scripts/install-groovy.sh);
#   - Debian's Go 1.19, gotestsum and testify, for examples/go's real runs;
#   - the Node 24 binary (tools/node24), to run the bundles as GitHub's node24 does;
#   - examples/jest's own jest and jest-junit;
#   - Debian's pytest-timeout (with Debian's pytest, for /usr/bin/python3) when no python3 has it,
#     for the reruns of tests that pytest-timeout times.
# README's test command is `bash scripts/setup-tests.sh && npm test`; .ci/run runs exactly that.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-groovy.sh
if ! command -v go >/dev/null 2>&1 || ! command -v gotestsum >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go gotestsum golang-github-stretchr-testify-dev >/dev/null
fi
echo "setup-tests: $(go version), gotestsum $(gotestsum --version 2>&1 | head -n 1)"
if ! python3 -c "import pytest, pytest_timeout" 2>/dev/null && ! /usr/bin/python3 -c "import pytest, pytest_timeout" 2>/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pytest-timeout >/dev/null
fi
npm ci --no-audit --no-fund --prefix tools/node24
npm ci --no-audit --no-fund --prefix examples/jest
