#!/usr/bin/env bash
# Installs Debian's groovy (2.4, the line Jenkins' Pipeline embeds) for the Jenkins step's
# test harness (test/jenkins/), unless a groovy is already on PATH. Called by .ci/run.
set -euo pipefail

if ! command -v groovy >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq groovy >/dev/null
fi

# The groovy launcher needs JAVA_HOME; the JDK is wherever the `java` on PATH really lives.
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  export JAVA_HOME
fi
echo "install-groovy: $(groovy --version 2>&1 | head -n 1) (JAVA_HOME=$JAVA_HOME)"
