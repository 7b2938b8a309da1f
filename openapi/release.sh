#!/usr/bin/env bash
# Releases the contract: openapi/ncp-apigw-apikeys.yaml becomes openapi/released/<info.version>.yaml, the
# baseline of the compatibility gate (spec-gate). Run it when a version ships; for a breaking change, after
# bumping info.version and reading the report (see README, "Changing the contract").
set -euo pipefail
cd "$(dirname "$0")"
version=$(sed -n 's/^  version: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' ncp-apigw-apikeys.yaml | head -1)
[ -n "$version" ] || { echo "release.sh: no info.version in ncp-apigw-apikeys.yaml" >&2; exit 2; }
previous=$(ls released/*.yaml 2>/dev/null || true)
if [ "$previous" = "released/$version.yaml" ] && ! cmp -s ncp-apigw-apikeys.yaml "$previous"; then
  echo "release.sh: version $version is already released with other content; bump info.version first" >&2
  exit 2
fi
[ -z "$previous" ] || git rm -q --ignore-unmatch $previous 2>/dev/null || rm -f $previous
mkdir -p released
cp ncp-apigw-apikeys.yaml "released/$version.yaml"
git add "released/$version.yaml" 2>/dev/null || true
echo "released contract: openapi/released/$version.yaml (was: ${previous:-none})"
